import { inspect } from 'node:util'
import { Greenlet, getHub } from '@strand/core'
import {
  checkFunction,
  checkOptions,
  checkSeconds,
  markObserved,
  unobserveDeath,
} from '@strand/core/internal'
import { checkArgs, checkGreenlet, checkItems, checkMaxsize } from './internal/checks.js'
import { applyLater, callInline, collect, killMembers } from './internal/group-ops.js'
import { MapRun } from './internal/map-run.js'
import type { Members } from './internal/members.js'

const RESOLVED = Promise.resolve()

/** Options of {@link BaseGroup.kill} and {@link BaseGroup.killone}. */
export interface KillOptions {
  /** What to raise in each greenlet; default a new `GreenletExit`. */
  exception?: unknown
  /** Stop waiting after this many seconds (silently: some may still be alive). */
  timeout?: number | null
  /** `false`: deliver the kills and return without waiting for the deaths. */
  block?: boolean
}

/**
 * What {@link Group} and {@link Pool} share: a set of greenlets that forgets each one
 * as it dies, with join/kill and the mapping helpers (apply, applyAsync, map, imap,
 * imapUnordered). You use it as a type for "a Group or a Pool"; create one of those.
 *
 * @example
 * ```ts
 * import { type BaseGroup, Group, Pool } from '@strand/pool'
 *
 * async function squares(runner: BaseGroup) {
 *   return runner.map(async (x: number) => x * x, [1, 2, 3])
 * }
 * await squares(new Group()) // => [1, 4, 9]
 * await squares(new Pool(2)) // => [1, 4, 9]
 * ```
 */
export abstract class BaseGroup implements AsyncDisposable, Iterable<Greenlet> {
  readonly #members: Members

  /**
   * @internal A Group or a Pool hands in its members, with the slot policy that makes it
   * one or the other.
   */
  constructor(members: Members) {
    this.#members = members
  }

  /** How many greenlets are members now (gevent's `len(group)`). */
  get size(): number {
    return this.#members.set.size
  }

  /** True if `greenlet` is a member. */
  has(greenlet: Greenlet): boolean {
    return this.#members.set.has(greenlet)
  }

  /** The members, in the order they were added. */
  [Symbol.iterator](): Iterator<Greenlet> {
    return this.#members.set.values()
  }

  /** True when no more greenlets fit; a Group is never full. */
  full(): boolean {
    return this.#members.slots.full()
  }

  /**
   * Stops tracking `greenlet` without killing it (in a Pool, its slot is freed).
   * Not a member: nothing happens.
   */
  discard(greenlet: Greenlet): void {
    const members = this.#members
    if (!members.set.has(greenlet)) return
    unobserveDeath(greenlet, members)
    members.remove(greenlet)
  }

  /**
   * Waits until the group is empty. Resolves `true` once it is (at once if it already
   * is), `false` when `timeout` passes first. With `raiseError`, it then rethrows the
   * exception of the first member (of those present when you called) that failed.
   * A kill or Timeout aimed at you interrupts the wait.
   * @throws TypeError/RangeError for a bad `timeout`.
   * @example
   * ```ts
   * import { sleep } from '@strand/core'
   * import { Group } from '@strand/pool'
   *
   * const group = new Group()
   * group.spawn(() => sleep(0.05))
   * await group.join({ timeout: 0.01 }) // => false
   * await group.join() // => true
   * ```
   */
  join(opts?: { timeout?: number | null; raiseError?: boolean }): Promise<boolean> {
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    if (opts?.raiseError === true) return this.#joinRaising(seconds)
    return this.#members.waitEmpty(seconds)
  }

  /**
   * Kills every member once (also those added while it waits) and waits until the group
   * is empty. A `timeout` that passes makes it return silently, members may still be
   * alive (unlike `killAll`, which throws). Never rejects.
   * @throws TypeError/RangeError for bad options.
   * @example
   * ```ts
   * import { sleep } from '@strand/core'
   * import { Group } from '@strand/pool'
   *
   * const group = new Group()
   * const g = group.spawn(() => sleep(60))
   * await group.kill()
   * g.dead // => true
   * group.size // => 0
   * ```
   */
  kill(opts?: KillOptions): Promise<void> {
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    const { set, dying } = this.#members
    return killMembers(set, dying, opts?.exception, seconds, opts?.block !== false)
  }

  /**
   * Kills one member, unless it is not a member or already being killed by this group
   * (each member is shot at most once), then waits for it to die (or `timeout`).
   * @throws TypeError for a non-greenlet; TypeError/RangeError for bad options.
   */
  killone(greenlet: Greenlet, opts?: KillOptions): Promise<void> {
    checkGreenlet('greenlet', greenlet)
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    const { set, dying } = this.#members
    if (!set.has(greenlet) || dying.has(greenlet)) return RESOLVED
    dying.add(greenlet)
    const dead = greenlet.kill(opts?.exception, { timeout: seconds })
    return opts?.block === false ? RESOLVED : dead
  }

  /**
   * Runs `fn(...args)` in a member greenlet and returns its result (or rethrows). Called
   * from a member of this group, it runs `fn` inline instead: a full pool cannot
   * deadlock on itself.
   * @throws TypeError for a non-function `fn` or non-array `args`.
   * @example
   * ```ts
   * import { Pool } from '@strand/pool'
   *
   * await new Pool(1).apply(Math.max, [1, 5, 3]) // => 5
   * ```
   */
  apply<A extends unknown[], R>(fn: (...args: A) => R, args?: A): Promise<Awaited<R>> {
    checkFunction('fn', fn)
    const list = checkArgs(args) as A
    if (this.#members.set.has(getHub().current())) return callInline(fn, list)
    return this.#applyIn(fn, list)
  }

  /**
   * Starts `fn(...args)` and returns its greenlet without ever waiting. On a full Pool the
   * greenlet returned is not a member: it waits for a slot, then runs `fn` in one.
   * `callback(result)` runs (in its own greenlet) only if `fn` succeeds.
   * @throws TypeError for a non-function `fn`/`callback` or non-array `args`.
   * @example
   * ```ts
   * import { Pool } from '@strand/pool'
   *
   * const g = new Pool(2).applyAsync((a: number, b: number) => a + b, [1, 2], console.log)
   * await g.get() // => 3 (and the callback logs 3)
   * ```
   */
  applyAsync<A extends unknown[], R>(
    fn: (...args: A) => R,
    args?: A,
    callback?: (result: Awaited<R>) => unknown,
  ): Greenlet<Awaited<R>> {
    checkFunction('fn', fn)
    const list = checkArgs(args) as A
    if (callback !== undefined) checkFunction('callback', callback)
    const members = this.#members
    if (!members.slots.tryTake()) {
      return new Greenlet<Awaited<R>>(applyLater as never, this, fn, list, callback).start()
    }
    const g = new Greenlet<Awaited<R>>(fn as never, ...list)
    members.fill(g)
    if (callback !== undefined) g.linkValue((done) => callback(done.value as Awaited<R>))
    return g
  }

  /**
   * Runs `fn` on every item (bounded by the pool size) and returns the results in input
   * order. The first failure rejects, and the tasks still running are killed.
   * @throws TypeError for a non-function `fn` or a non-iterable `items`.
   * @example
   * ```ts
   * import { sleep } from '@strand/core'
   * import { Pool } from '@strand/pool'
   *
   * const pool = new Pool(2)
   * await pool.map(async (ms: number) => { await sleep(ms / 1000); return ms }, [30, 10, 20])
   * // => [30, 10, 20]
   * ```
   */
  map<I, R>(fn: (item: I) => R, items: Iterable<I> | AsyncIterable<I>): Promise<Awaited<R>[]> {
    return collect(this.imap(fn, items))
  }

  /**
   * Runs `fn` on the items and streams the results in input order. Input is pulled only
   * when a slot is free; `maxsize` bounds the tasks started but not yet consumed. The
   * first failure is thrown at its position; leaving the loop early kills what still runs.
   * @throws TypeError for a non-function `fn`, a non-iterable `items`; RangeError for a bad `maxsize`.
   * @example
   * ```ts
   * import { Pool } from '@strand/pool'
   *
   * async function* forever() { for (let i = 0; ; i++) yield i }
   * for await (const sq of new Pool(4).imap(async (x: number) => x * x, forever())) {
   *   if (sq > 10) break // stops the input and kills what still runs
   *   console.log(sq) // => 0, 1, 4, 9
   * }
   * ```
   */
  imap<I, R>(
    fn: (item: I) => R,
    items: Iterable<I> | AsyncIterable<I>,
    opts?: { maxsize?: number | null },
  ): AsyncIterableIterator<Awaited<R>> {
    return this.#map(fn, items, opts, true)
  }

  /**
   * Like {@link BaseGroup.imap}, but yields each result as soon as its task finishes
   * (completion order). The first failure is thrown when it happens.
   * @throws TypeError for a non-function `fn`, a non-iterable `items`; RangeError for a bad `maxsize`.
   * @example
   * ```ts
   * import { sleep } from '@strand/core'
   * import { Pool } from '@strand/pool'
   *
   * const snooze = async (ms: number) => { await sleep(ms / 1000); return ms }
   * for await (const ms of new Pool(3).imapUnordered(snooze, [30, 10, 20])) console.log(ms)
   * // => 10, 20, 30
   * ```
   */
  imapUnordered<I, R>(
    fn: (item: I) => R,
    items: Iterable<I> | AsyncIterable<I>,
    opts?: { maxsize?: number | null },
  ): AsyncIterableIterator<Awaited<R>> {
    return this.#map(fn, items, opts, false)
  }

  /** Kills what still runs: `await using group = new Group()`. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.kill()
  }

  /** `Group(3 running)`; a Pool shows `Pool(size 4, 3 running, 1 free)`. */
  [inspect.custom](): string {
    const name = this.constructor.name
    const running = `${this.size} running`
    const bounded = this as unknown as { capacity?: number; freeCount?: () => number }
    if (bounded.capacity === undefined || bounded.freeCount === undefined)
      return `${name}(${running})`
    return `${name}(size ${bounded.capacity}, ${running}, ${bounded.freeCount()} free)`
  }

  async #joinRaising(seconds: number | null): Promise<boolean> {
    const snapshot = [...this.#members.set]
    for (const g of snapshot) markObserved(g)
    const empty = await this.#members.waitEmpty(seconds)
    for (const g of snapshot) if (g.dead && !g.successful()) throw g.exception
    return empty
  }

  async #applyIn(fn: Function, args: unknown[]): Promise<never> {
    const g = await this.#members.launch(fn, args)
    return g.get() as Promise<never>
  }

  #map<I, R>(
    fn: (item: I) => R,
    items: Iterable<I> | AsyncIterable<I>,
    opts: { maxsize?: number | null } | undefined,
    ordered: boolean,
  ): AsyncIterableIterator<Awaited<R>> {
    checkFunction('fn', fn)
    checkItems(items)
    checkOptions('opts', opts)
    const maxsize = checkMaxsize(opts?.maxsize)
    return new MapRun<I, Awaited<R>>(this.#members, fn, items, ordered, maxsize)
  }
}

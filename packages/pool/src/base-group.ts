import { Greenlet, getHub } from '@strand/core'
import {
  checkFunction,
  checkOptions,
  checkSeconds,
  type DeathObserver,
  markObserved,
  observeDeath,
  unobserveDeath,
  type Waiter,
  WaitList,
  type WaitOwner,
} from '@strand/core/internal'
import { checkArgs, checkGreenlet, checkItems, checkMaxsize } from './internal/checks.js'
import { applyLater, callInline, collect, killMembers } from './internal/group-ops.js'
import { MapRun } from './internal/map-run.js'
import type { Scope } from './internal/scope.js'
import type { SlotClaim } from './internal/slot-claim.js'

const JOIN_OWNER: WaitOwner = { onTimeout: (w) => getHub().wake(w, false) }
const RESOLVED = Promise.resolve()
const RESOLVED_TRUE = Promise.resolve(true)

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
export abstract class BaseGroup implements AsyncDisposable, DeathObserver, Iterable<Greenlet> {
  /** @internal */ readonly _members = new Set<Greenlet>()
  /** @internal set by {@link Group.scope} */ _scope: Scope | null = null
  private readonly _dying = new Set<Greenlet>()
  private _emptyWaiters: WaitList | null = null

  /** How many greenlets are members now (gevent's `len(group)`). */
  get size(): number {
    return this._members.size
  }

  /** True if `greenlet` is a member. */
  has(greenlet: Greenlet): boolean {
    return this._members.has(greenlet)
  }

  /** The members, in the order they were added. */
  [Symbol.iterator](): Iterator<Greenlet> {
    return this._members.values()
  }

  /** True when no more greenlets fit; a Group is never full. */
  full(): boolean {
    return false
  }

  /**
   * Stops tracking `greenlet` without killing it (in a Pool, its slot is freed).
   * Not a member: nothing happens.
   */
  discard(greenlet: Greenlet): void {
    if (!this._members.has(greenlet)) return
    unobserveDeath(greenlet, this)
    this._remove(greenlet)
  }

  /**
   * Waits until the group is empty. Resolves `true` once it is (at once if it already
   * is), `false` when `timeout` passes first. With `raiseError`, it then rethrows the
   * exception of the first member (of those present when you called) that failed.
   * A kill or Timeout aimed at you interrupts the wait.
   * @throws TypeError/RangeError for a bad `timeout`.
   * @example
   * ```ts
   * const group = new Group()
   * group.spawn(() => sleep(0.05))
   * await group.join({ timeout: 0.01 }) // => false
   * await group.join() // => true
   * ```
   */
  join(opts?: { timeout?: number | null; raiseError?: boolean }): Promise<boolean> {
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    if (opts?.raiseError === true) return this._joinRaising(seconds)
    return this._waitEmpty(seconds)
  }

  /**
   * Kills every member once (also those added while it waits) and waits until the group
   * is empty. A `timeout` that passes makes it return silently, members may still be
   * alive (unlike `killAll`, which throws). Never rejects.
   * @throws TypeError/RangeError for bad options.
   * @example
   * ```ts
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
    return killMembers(this._members, this._dying, opts?.exception, seconds, opts?.block !== false)
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
    if (!this._members.has(greenlet) || this._dying.has(greenlet)) return RESOLVED
    this._dying.add(greenlet)
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
   * await new Pool(1).apply(Math.max, [1, 5, 3]) // => 5
   * ```
   */
  apply<A extends unknown[], R>(fn: (...args: A) => R, args?: A): Promise<Awaited<R>> {
    checkFunction('fn', fn)
    const list = checkArgs(args) as A
    if (this._members.has(getHub().current())) return callInline(fn, list)
    return this._applyIn(fn, list)
  }

  /**
   * Starts `fn(...args)` and returns its greenlet without ever waiting. On a full Pool the
   * greenlet returned is not a member: it waits for a slot, then runs `fn` in one.
   * `callback(result)` runs (in its own greenlet) only if `fn` succeeds.
   * @throws TypeError for a non-function `fn`/`callback` or non-array `args`.
   * @example
   * ```ts
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
    if (!this._tryReserve()) {
      return new Greenlet<Awaited<R>>(applyLater as never, this, fn, list, callback).start()
    }
    const g = new Greenlet<Awaited<R>>(fn as never, ...list)
    this._fill(g)
    if (callback !== undefined) g.linkValue((done) => callback(done.value as Awaited<R>))
    return g
  }

  /**
   * Runs `fn` on every item (bounded by the pool size) and returns the results in input
   * order. The first failure rejects, and the tasks still running are killed.
   * @throws TypeError for a non-function `fn` or a non-iterable `items`.
   * @example
   * ```ts
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
    return this._map(fn, items, opts, true)
  }

  /**
   * Like {@link BaseGroup.imap}, but yields each result as soon as its task finishes
   * (completion order). The first failure is thrown when it happens.
   * @throws TypeError for a non-function `fn`, a non-iterable `items`; RangeError for a bad `maxsize`.
   * @example
   * ```ts
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
    return this._map(fn, items, opts, false)
  }

  /** Kills what still runs: `await using group = new Group()`. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.kill()
  }

  /** @internal a member died (or a discarded one, passed on by a map run: ignored) */
  notify(g: Greenlet): void {
    if (this._remove(g) && this._scope !== null) this._scope.memberDied(g)
  }

  // ---- slots: a Group has no limit; Pool overrides these ----

  /** @internal takes a slot now if one is free */
  _tryReserve(): boolean {
    return true
  }

  /** @internal takes a slot: null if taken now, else a promise that settles when it is */
  _reserve(): Promise<unknown> | null {
    return null
  }

  /**
   * @internal puts `g` in a slot taken by `_reserve`, and starts it. An `observer` other
   * than the group hears of the death instead, and must pass it on to `notify` first:
   * one link per task instead of two (a map run's tasks).
   */
  _fill(g: Greenlet, observer: DeathObserver = this): void {
    this._track(g, observer)
    g.start()
  }

  /** @internal gives back a slot taken by `_reserve` and not filled */
  _unreserve(): void {}

  /** @internal puts a {@link SlotClaim} in line for a slot; a Group has one free at once */
  _queueForSlot(w: Waiter): void {
    this._tryReserve()
    ;(w.data as SlotClaim).slotGranted(w)
  }

  /** @internal a member left: a Pool frees its slot */
  protected _released(): void {}

  /** Starts `fn(...args)` as a member once there is room. */
  protected abstract _launch(fn: Function, args: unknown[]): Greenlet | Promise<Greenlet>

  /** @internal */
  _track(g: Greenlet, observer: DeathObserver = this): void {
    this._members.add(g)
    observeDeath(g, observer)
    if (this._scope !== null) markObserved(g)
  }

  private _remove(g: Greenlet): boolean {
    if (!this._members.delete(g)) return false
    this._dying.delete(g)
    const waiters = this._emptyWaiters
    if (this._members.size === 0 && waiters !== null && waiters.size > 0) {
      getHub().wakeAll(waiters, true)
    }
    this._released()
    return true
  }

  private _waitEmpty(seconds: number | null): Promise<boolean> {
    if (this._members.size === 0) return RESOLVED_TRUE
    const list = (this._emptyWaiters ??= new WaitList())
    return getHub().wait<boolean>(JOIN_OWNER, list, seconds, `${this.constructor.name}.join`)
  }

  private async _joinRaising(seconds: number | null): Promise<boolean> {
    const snapshot = [...this._members]
    for (const g of snapshot) markObserved(g)
    const empty = await this._waitEmpty(seconds)
    for (const g of snapshot) if (g.dead && !g.successful()) throw g.exception
    return empty
  }

  private async _applyIn(fn: Function, args: unknown[]): Promise<never> {
    const g = await this._launch(fn, args)
    return g.get() as Promise<never>
  }

  private _map<I, R>(
    fn: (item: I) => R,
    items: Iterable<I> | AsyncIterable<I>,
    opts: { maxsize?: number | null } | undefined,
    ordered: boolean,
  ): AsyncIterableIterator<Awaited<R>> {
    checkFunction('fn', fn)
    checkItems(items)
    checkOptions('opts', opts)
    const maxsize = checkMaxsize(opts?.maxsize)
    return new MapRun<I, Awaited<R>>(this, fn, items, ordered, maxsize)
  }
}

import { Greenlet, getHub, joinAll } from '@strand/core'
import {
  checkFunction,
  checkOptions,
  checkSeconds,
  type DeathObserver,
  WaitList,
  type WaitOwner,
} from '@strand/core/internal'
import { checkArgs, checkGreenlet, checkItems, checkMaxsize } from './internal/checks.js'
import { MapRun } from './internal/map-run.js'
import type { Scope } from './internal/scope.js'

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
    greenlet._unobserve(this)
    this._remove(greenlet)
  }

  /**
   * Waits until the group is empty. Resolves `true` once it is (at once if it already
   * is), `false` when `timeout` passes first. With `raiseError`, it then rethrows the
   * exception of the first member (of those present when you called) that failed.
   * A kill or Timeout aimed at you interrupts the wait.
   * @throws TypeError/RangeError for a bad `timeout`.
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
   */
  kill(opts?: KillOptions): Promise<void> {
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    return this._kill(opts?.exception, seconds, opts?.block !== false)
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
   */
  map<I, R>(fn: (item: I) => R, items: Iterable<I> | AsyncIterable<I>): Promise<Awaited<R>[]> {
    return collect(this.imap(fn, items))
  }

  /**
   * Runs `fn` on the items and streams the results in input order. Input is pulled only
   * when a slot is free; `maxsize` bounds the tasks started but not yet consumed. The
   * first failure is thrown at its position; leaving the loop early kills what still runs.
   * @throws TypeError for a non-function `fn`, a non-iterable `items`; RangeError for a bad `maxsize`.
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

  /** @internal a member died */
  notify(g: Greenlet): void {
    this._remove(g)
    if (this._scope !== null) this._scope.memberDied(g)
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

  /** @internal puts `g` in a slot taken by `_reserve`, and starts it */
  _fill(g: Greenlet): void {
    this._track(g)
    g.start()
  }

  /** @internal gives back a slot taken by `_reserve` and not filled */
  _unreserve(): void {}

  /** @internal a member left: a Pool frees its slot */
  protected _released(): void {}

  /** Starts `fn(...args)` as a member once there is room. */
  protected abstract _launch(fn: Function, args: unknown[]): Greenlet | Promise<Greenlet>

  /** @internal */
  _track(g: Greenlet): void {
    this._members.add(g)
    g._observe(this)
    if (this._scope !== null) g._observed = true
  }

  private _remove(g: Greenlet): void {
    this._members.delete(g)
    this._dying.delete(g)
    const waiters = this._emptyWaiters
    if (this._members.size === 0 && waiters !== null && waiters.size > 0) {
      const hub = getHub()
      for (let w = waiters.shift(); w !== null; w = waiters.shift()) hub.wake(w, true)
    }
    this._released()
  }

  private _waitEmpty(seconds: number | null): Promise<boolean> {
    if (this._members.size === 0) return RESOLVED_TRUE
    const list = (this._emptyWaiters ??= new WaitList())
    return getHub().park<boolean>(JOIN_OWNER, list, seconds, `${this.constructor.name}.join`)
      .promise
  }

  private async _joinRaising(seconds: number | null): Promise<boolean> {
    const snapshot = [...this._members]
    for (const g of snapshot) g._observed = true
    const empty = await this._waitEmpty(seconds)
    for (const g of snapshot) if (g.dead && !g.successful()) throw g.exception
    return empty
  }

  private async _kill(exception: unknown, seconds: number | null, block: boolean): Promise<void> {
    const hub = getHub()
    const me = hub.current()
    const deadline = seconds === null ? null : hub.clock.now() + seconds
    for (;;) {
      for (const g of [...this._members]) {
        if (this._dying.has(g)) continue
        this._dying.add(g)
        void g.kill(exception)
      }
      if (!block) return
      const others = [...this._members].filter((g) => g !== me)
      if (others.length === 0) return
      const left = deadline === null ? null : deadline - hub.clock.now()
      if (left !== null && left <= 0) return
      await joinAll(others, { timeout: left })
    }
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

async function callInline(fn: Function, args: unknown[]): Promise<never> {
  return (await fn(...args)) as never
}

async function applyLater(
  group: BaseGroup,
  fn: Function,
  args: unknown[],
  callback: ((result: unknown) => unknown) | undefined,
): Promise<unknown> {
  const result = await group.apply(fn as () => unknown, args as [])
  if (callback !== undefined) await callback(result)
  return result
}

async function collect<R>(results: AsyncIterable<R>): Promise<R[]> {
  const out: R[] = []
  for await (const r of results) out.push(r)
  return out
}

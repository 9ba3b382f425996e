import { GreenletExit, isGreenletExit } from './errors.js'
import { getHub } from './get-hub.js'
import type { Hub } from './hub.js'
import { currentGreenlet } from './internal/context.js'
import { deferred, Extras, KILL, type TimeoutScope } from './internal/greenlet-extras.js'
import {
  addLink,
  type DeathObserver,
  LINK,
  LINK_EXCEPTION,
  LINK_VALUE,
  LinkEntry,
  type Links,
  RAW,
  removeLink,
} from './internal/greenlet-links.js'
import { DEAD, NEW, RUNNING, SCHEDULED } from './internal/greenlet-state.js'
import { CallbackTimer, StartTimer } from './internal/timer-entries.js'
import { checkFunction, checkOptions, checkSeconds, describe } from './internal/validate.js'
import { WaitList } from './internal/wait-list.js'
import type { Waiter, WaitOwner } from './internal/waiter.js'
import { Timeout } from './timeout.js'
import type { Waitable } from './waitable.js'

// join() waiters resolve to true; get() waiters (data = GET) to the value or the exception
const GET = 1
const JOIN_OWNER: WaitOwner = { onTimeout: (w) => w.greenlet.hub.wake(w, false) }
const GET_OWNER: WaitOwner = {
  onTimeout: (w) => w.greenlet.hub.fail(w, new Timeout(w.seconds)),
}

let nextId = 1
const RESOLVED = Promise.resolve()
const RESOLVED_TRUE = Promise.resolve(true)

/**
 * A handle on one run of an async function: its name, its state, its value or
 * exception, and the means to wait for it (`join`, `get`), stop it (`kill`) or be told
 * when it ends (`link`). Create one with {@link spawn}; a greenlet starts on the hub's
 * next turn, never synchronously.
 *
 * A greenlet is deliberately not thenable: `await g` would not do what you mean.
 * Use `await g.get()` for its value (or its exception) and `await g.join()` to wait for it.
 *
 * @example
 * ```ts
 * import { Greenlet, sleep } from '@strand/core'
 *
 * const g = new Greenlet(async (x: number) => { await sleep(0.01); return x * 2 }, 21)
 * g.start()
 * await g.get() // => 42
 * g.successful() // => true
 * ```
 */
export class Greenlet<T = unknown> implements Waitable {
  /** @internal */ _state = NEW
  /** @internal pending waits, linked through Waiter.gNext */ _waitHead: Waiter | null = null
  /** @internal */ _hasPending = false
  /** @internal */ _livePrev: Greenlet | null = null
  /** @internal */ _liveNext: Greenlet | null = null
  /** @internal set when someone will hear about its end (get/join/link) */ _observed = false

  // Hot fields only: a greenlet is allocated per spawn, so rarely used state lives in `_x`.
  private _fn: Function | null
  private _args: unknown[] | null
  private readonly _id: number
  private _result: unknown = undefined
  private _failed = false
  private _joiners: WaitList | null = null
  /** one link (the common case: a Group or a joinAll), or several */
  private _links: Links = null
  private _x: Extras | null = null

  /**
   * Creates a greenlet that is not started yet; call {@link Greenlet.start}.
   * @throws TypeError if `fn` is not a function.
   */
  constructor(fn: (...args: never[]) => T | PromiseLike<T>, ...args: unknown[]) {
    checkFunction('fn', fn)
    this._fn = fn
    this._args = args
    this._id = nextId++
  }

  /** @internal the hub's root greenlet, "main" */
  static _root(): Greenlet {
    const g = new Greenlet(() => undefined)
    g._extras().name = 'main'
    g._state = RUNNING
    return g
  }

  /** The hub that runs it (there is one per thread). */
  get hub(): Hub {
    return getHub()
  }

  /**
   * Creates and starts a greenlet: the same as {@link spawn}.
   * @example
   * ```ts
   * const g = Greenlet.spawn(Math.max, 1, 2)
   * await g.get() // => 2
   * ```
   */
  static spawn<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Greenlet<Awaited<R>> {
    return new Greenlet<Awaited<R>>(fn as never, ...args).start()
  }

  /** "Greenlet-1", "Greenlet-2", … unless you set one. */
  get name(): string {
    const x = this._extras()
    return (x.name ??= `Greenlet-${this._id}`)
  }

  set name(value: string) {
    if (typeof value !== 'string') {
      throw new TypeError(`Expected \`name\` to be a string, got ${describe(value)}`)
    }
    this._extras().name = value
  }

  /** True once started and until it is dead (as gevent's `bool(g)`: false again after it ends). */
  get started(): boolean {
    return this._state === SCHEDULED || this._state === RUNNING
  }

  /** Finished, failed, or killed (also killed before it ever ran). */
  get dead(): boolean {
    return this._state === DEAD
  }

  /** The same as {@link Greenlet.dead}: the {@link Waitable} view. */
  ready(): boolean {
    return this._state === DEAD
  }

  /** Dead without an exception. Ending by GreenletExit (the default kill) counts as success. */
  successful(): boolean {
    return this._state === DEAD && !this._failed
  }

  /** The result; the GreenletExit instance if it was killed with one; undefined before. */
  get value(): T | GreenletExit | undefined {
    return this._failed ? undefined : (this._result as T | GreenletExit | undefined)
  }

  /** The exception it died with, or undefined. */
  get exception(): unknown {
    return this._failed ? this._result : undefined
  }

  /**
   * An AbortSignal aborted when this greenlet is killed (its reason is the kill
   * exception). Pass it to APIs that take one — `fetch`, `fs.promises`, `events.once` —
   * so a kill really stops them. Created on first use.
   */
  get signal(): AbortSignal {
    const x = this._extras()
    if (x.controller === null) {
      x.controller = new AbortController()
      if (x.killedWith !== undefined) x.controller.abort(x.killedWith)
    }
    return x.controller.signal
  }

  /**
   * An AbortSignal aborted at the next interrupt of this greenlet: a kill *or* a
   * {@link Timeout} firing against it (its reason is that exception). Once the greenlet
   * has received that interrupt, a fresh signal takes its place, so I/O started after
   * a caught timeout is not aborted by it. Pass it to APIs that take a signal (`fetch`,
   * `fs.promises`, `child_process.exec`, `events.once`) so a Timeout really stops them;
   * {@link currentSignal} is the same for the running greenlet.
   *
   * @example
   * ```ts
   * import { getCurrent, withTimeout } from '@strand/core'
   *
   * await withTimeout(1, () => fetch('http://127.0.0.1:8080/slow', { signal: getCurrent().interruptSignal }))
   * // rejects with the Timeout after 1 s, and the request is aborted
   * ```
   */
  get interruptSignal(): AbortSignal {
    const x = this._extras()
    if (x.interrupt === null) {
      x.interrupt = new AbortController()
      if (this._hasPending) x.interrupt.abort(x.pending)
      else if (x.killedWith !== undefined && this._state !== RUNNING)
        x.interrupt.abort(x.killedWith)
    }
    return x.interrupt.signal
  }

  /** Schedules the first run. A no-op if already started, finished or killed. */
  start(): this {
    if (this._state !== NEW) return this
    this._state = SCHEDULED
    this._register()
    this.hub.scheduleStart(this)
    return this
  }

  /**
   * Schedules the first run `seconds` from now.
   * @throws TypeError/RangeError for a bad `seconds`.
   */
  startLater(seconds: number): this {
    const delay = checkSeconds('seconds', seconds) ?? 0
    if (this._state !== NEW) return this
    this._state = SCHEDULED
    this._register()
    const timer = new StartTimer(this)
    this._extras().startTimer = timer
    this.hub.addTimer(timer, delay)
    return this
  }

  /**
   * Waits until it is dead. Resolves `true` once dead, `false` if `timeout` seconds
   * pass first; never throws its exception (use {@link Greenlet.get} for that).
   * A kill or Timeout aimed at *you* interrupts the wait.
   * @throws RangeError when a greenlet joins itself (it would wait forever).
   */
  join(opts?: { timeout?: number | null }): Promise<boolean> {
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    this._observed = true
    if (this._state === DEAD) return RESOLVED_TRUE
    this._checkNotSelf('join')
    return this.hub.wait<boolean>(
      JOIN_OWNER,
      (this._joiners ??= new WaitList()),
      seconds,
      `join(${this.name})`,
    )
  }

  /**
   * Its value, or rethrows its exception, waiting for it to end if needed.
   * Rejects with a {@link Timeout} when `timeout` passes, or at once with
   * `block: false` when it is not dead yet.
   * @throws RangeError when a greenlet waits for itself.
   */
  get(opts?: { block?: boolean; timeout?: number | null }): Promise<T> {
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    this._observed = true
    if (this._state === DEAD) {
      return this._failed ? Promise.reject(this._result) : Promise.resolve(this._result as T)
    }
    if (opts?.block === false) return Promise.reject(new Timeout(0))
    this._checkNotSelf('get')
    return this.hub.wait<T>(
      GET_OWNER,
      (this._joiners ??= new WaitList()),
      seconds,
      `get(${this.name})`,
      GET,
    )
  }

  /**
   * Kills it: raises `exception` (default a new {@link GreenletExit}) at whatever it
   * waits on now, or at its next wait if it is busy elsewhere; aborts its
   * {@link Greenlet.signal}. A greenlet that has not started yet never runs and is dead
   * at once. `kill()` itself never switches; the promise it returns resolves when the
   * greenlet is dead, or after `timeout` seconds (a greenlet may catch the exception and
   * go on). It never rejects, so it is fine not to await it.
   */
  kill(exception?: unknown, opts?: { timeout?: number | null }): Promise<void> {
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    if (this._state === DEAD) return RESOLVED
    const error = toException(exception)
    const x = this._extras()
    x.killedWith = error
    if (this._state !== RUNNING) {
      // never ran: it never will
      if (x.startTimer !== null) this.hub.removeTimer(x.startTimer)
      this._observed = true
      this._die(error, !isGreenletExit(error))
      return RESOLVED
    }
    if (x.controller !== null && !x.controller.signal.aborted) {
      try {
        x.controller.abort(error)
      } catch (err) {
        this.hub.handleError(err, this)
      }
    }
    this.hub.interrupt(this, error, KILL)
    return this._waitDeath(seconds)
  }

  /**
   * Calls `callback(this)` in a new greenlet when it dies (at once if it is dead).
   * Links fire in the order they were added, each once.
   */
  link(callback: (g: Greenlet<T>) => unknown): void {
    this._addLink(LINK, callback)
  }

  /** Like {@link Greenlet.link}, only when it ends successfully. */
  linkValue(callback: (g: Greenlet<T>) => unknown): void {
    this._addLink(LINK_VALUE, callback)
  }

  /** Like {@link Greenlet.link}, only when it fails. */
  linkException(callback: (g: Greenlet<T>) => unknown): void {
    this._addLink(LINK_EXCEPTION, callback)
  }

  /**
   * Calls `callback(this)` from the hub when it dies: cheaper than `link`, but the
   * callback must not wait (it would throw BlockingSwitchOutError).
   */
  rawlink(callback: (w: Waitable) => void): void {
    this._addLink(RAW, callback)
  }

  /** Removes a callback added by link, linkValue, linkException or rawlink. */
  unlink(callback: Function): void {
    this._links = removeLink(this._links, callback)
  }

  toString(): string {
    const fn = this._fn === null ? '' : `: ${(this._fn as Function).name || 'anonymous'}`
    return `<Greenlet "${this.name}"${fn}>`
  }

  // ---- internals used by the hub and by sibling packages ----

  /** @internal tells `observer` synchronously when this greenlet dies. */
  _observe(observer: DeathObserver): void {
    this._links = addLink(this._links, observer)
  }

  /** @internal */
  _unobserve(observer: DeathObserver): void {
    this.unlink(observer as unknown as Function)
  }

  /** @internal */
  _addWait(w: Waiter): void {
    w.gNext = this._waitHead
    w.gPrev = null
    if (this._waitHead !== null) this._waitHead.gPrev = w
    this._waitHead = w
  }

  /** @internal */
  _removeWait(w: Waiter): void {
    if (w.gPrev !== null) w.gPrev.gNext = w.gNext
    else if (this._waitHead === w) this._waitHead = w.gNext
    else return
    if (w.gNext !== null) w.gNext.gPrev = w.gPrev
    w.gPrev = w.gNext = null
  }

  /** @internal */
  _waitLabels(): string[] {
    const labels: string[] = []
    for (let w = this._waitHead; w !== null; w = w.gNext) labels.push(w.label)
    return labels
  }

  /** @internal an exception to raise at the next wait; a kill is never replaced by a timeout */
  _setPending(error: unknown, source: unknown): void {
    const x = this._extras()
    if (this._hasPending && x.pendingSource === KILL && source !== KILL) return
    this._hasPending = true
    x.pending = error
    x.pendingSource = source
  }

  /** @internal */
  _takePending(): unknown {
    const x = this._extras()
    const error = x.pending
    this._hasPending = false
    x.pending = x.pendingSource = undefined
    // a signal born aborted by this interrupt has served its purpose: the next one is fresh
    if (x.interrupt?.signal.aborted) x.interrupt = null
    return error
  }

  /** @internal drops an undelivered exception raised by `source` (a cancelled Timeout) */
  _dropPending(source: unknown): void {
    if (this._hasPending && this._x?.pendingSource === source) this._takePending()
  }

  /** @internal aborts the interrupt signal, and the signals of the Timeouts the interrupt cuts short */
  _abortInterrupt(error: unknown, source: unknown): void {
    const x = this._x
    if (x === null) return
    const scopes = x.timeouts
    if (scopes !== null && scopes.length > 0) {
      // a kill cuts every scope short; a Timeout its own and those nested inside it
      const from = source === KILL ? 0 : scopes.indexOf(source as TimeoutScope)
      if (from >= 0) for (const scope of scopes.slice(from)) scope.abortScope(error)
    }
    const controller = x.interrupt
    if (controller === null) return
    x.interrupt = null
    try {
      controller.abort(error)
    } catch (err) {
      this.hub.handleError(err, this)
    }
  }

  /** @internal a Timeout started against this greenlet */
  _enterScope(scope: TimeoutScope): void {
    ;(this._extras().timeouts ??= []).push(scope)
  }

  /** @internal a Timeout cancelled (or fired) */
  _leaveScope(scope: TimeoutScope): void {
    const scopes = this._x?.timeouts
    if (scopes == null) return
    if (scopes[scopes.length - 1] === scope) scopes.pop()
    else {
      const i = scopes.indexOf(scope)
      if (i >= 0) scopes.splice(i, 1)
    }
  }

  /** @internal */
  _die(result: unknown, failed: boolean): void {
    if (this._state === DEAD) return
    this._state = DEAD
    this._result = result
    this._failed = failed
    this._fn = this._args = null
    if (this._hasPending) this._takePending()
    const hub = getHub()
    hub.live.remove(this)
    const joiners = this._joiners
    if (joiners !== null) {
      this._joiners = null
      for (let w = joiners.shift(); w !== null; w = joiners.shift()) {
        if (w.data !== GET) hub.wake(w, true)
        else if (failed) hub.fail(w, result)
        else hub.wake(w, result)
      }
    }
    const links = this._links
    if (links !== null) {
      this._links = null
      if (Array.isArray(links)) for (const link of links) this._fire(link)
      else this._fire(links)
    }
    this._x?.death?.resolve()
    if (failed && !this._observed) hub.schedule(reportIfUnobserved, this)
  }

  private _fire(link: LinkEntry | DeathObserver): void {
    if (!(link instanceof LinkEntry)) {
      link.notify(this)
      return
    }
    switch (link.kind) {
      case RAW:
        this.hub.schedule(link.fn as (g: Greenlet) => void, this)
        return
      case LINK_VALUE:
        if (this._failed) return
        break
      case LINK_EXCEPTION:
        if (!this._failed) return
        break
    }
    new Greenlet(link.fn as (g: Greenlet) => unknown, this).start()
  }

  private _addLink(kind: number, callback: unknown): void {
    checkFunction('callback', callback)
    this._observed = true
    const link = new LinkEntry(kind, callback as Function)
    if (this._state === DEAD) this._fire(link)
    else this._links = addLink(this._links, link)
  }

  /** @internal rarely used state, allocated on first need */
  _extras(): Extras {
    return (this._x ??= new Extras())
  }

  /** @internal where it was spawned, when the hub tracks spawn sites */
  get _spawnSite(): string | undefined {
    return this._x?.spawnSite
  }

  /** @internal */
  get _sawLoopExit(): boolean {
    return this._x?.sawLoopExit === true
  }

  set _sawLoopExit(value: boolean) {
    this._extras().sawLoopExit = value
  }

  private _register(): void {
    const hub = getHub()
    hub.live.add(this)
    if (hub.trackSpawnSites) {
      this._extras().spawnSite = new Error().stack?.split('\n').slice(3).join('\n')
    }
  }

  private _checkNotSelf(what: string): void {
    if (currentGreenlet() === this) {
      throw new RangeError(
        `${this.name} cannot ${what}() itself: it would wait forever. Wait for it from another greenlet.`,
      )
    }
  }

  private _waitDeath(seconds: number | null): Promise<void> {
    const x = this._extras()
    const death = (x.death ??= deferred())
    if (seconds === null) return death.promise
    return new Promise<void>((resolve) => {
      const timer = new CallbackTimer(resolve)
      this.hub.addTimer(timer, seconds)
      void death.promise.then(() => {
        this.hub.removeTimer(timer)
        resolve()
      })
    })
  }
}

function reportIfUnobserved(g: Greenlet): void {
  if (!g._observed) g.hub.handleError(g.exception, g)
}

/** kill()'s argument: nothing means a new GreenletExit; an error class is instantiated (as gevent does). */
function toException(exception: unknown): unknown {
  if (exception === undefined) return new GreenletExit()
  if (typeof exception === 'function' && exception.prototype instanceof Error) {
    return new (exception as new () => Error)()
  }
  return exception
}

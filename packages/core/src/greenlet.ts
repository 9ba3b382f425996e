import { inspect } from 'node:util'
import { GreenletExit, isGreenletExit } from './errors.js'
import { getHub } from './get-hub.js'
import type { Hub } from './hub.js'
import { currentTask } from './internal/context.js'
import { describeGreenlet } from './internal/describe-greenlet.js'
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
import { registerHandleType } from './internal/handles.js'
import { abortForInterrupt, interruptSignal, KILL, releaseScopes } from './internal/interrupts.js'
import { toKillArgs } from './internal/kill-args.js'
import { DEAD, NEW, RUNNING, SCHEDULED, Task } from './internal/task.js'
import { StartTimer } from './internal/timer-entries.js'
import { checkFunction, checkOptions, checkSeconds, describe } from './internal/validate.js'
import { WaitList, type WaitResource } from './internal/wait-list.js'
import type { WaitOwner } from './internal/waiter.js'
import { Timeout } from './timeout.js'
import type { Waitable } from './waitable.js'

// what a waiter in a greenlet's death list wants: join() true, get() the outcome, kill() nothing
const JOIN = undefined
const GET = 1
const KILL_WAIT = 2
const JOIN_OWNER: WaitOwner = { onTimeout: (w) => getHub().wake(w, false) }
const GET_OWNER: WaitOwner = { onTimeout: (w) => getHub().fail(w, new Timeout(w.seconds)) }
const KILL_OWNER: WaitOwner = { onTimeout: (w) => getHub().wake(w) }

let nextId = 1
const RESOLVED = Promise.resolve()
const NO_ARGS: unknown[] = []
const RESOLVED_TRUE = Promise.resolve(true)
/** Marks the constructor call that wraps an existing root task. */
const ADOPT = Symbol('adopt')

// Module-private doors into the class, set by its static block: the kernel calls
// the hub's error report calls reportIfUnobserved, the hooks call observeGreenlet.
let reportIfUnobserved: (g: Greenlet) => void
let observeGreenlet: (g: Greenlet, observer: DeathObserver) => void

/** Options of {@link Greenlet.kill} (also accepted as its only argument). */
export interface KillOptions {
  /** What to raise; default a new {@link GreenletExit}. An Error class is instantiated. */
  exception?: unknown
  /** Stop waiting for the death after this many seconds (silently). */
  timeout?: number | null
}

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
  readonly #task: Task
  readonly #id: number
  #result: unknown = undefined
  #failed = false
  /** join(), get() and kill() waiters, woken at death */
  #joiners: WaitList | null = null
  #links: Links = null
  /** kill-only signal (created on first use) */
  /** what few greenlets need: the kill-only signal, the startLater timer */
  #rare: GreenletRare | null = null

  static {
    registerHandleType<Greenlet>({
      taskOf(g) {
        if (!(g instanceof Greenlet)) {
          throw new TypeError(`Expected a Greenlet, got ${describe(g)}`)
        }
        return g.#task
      },
      rootHandle: (task) => new Greenlet(ADOPT as never, task),
      exited: (task, result, failed) => (task.handle as Greenlet).#die(result, failed),
    })
    reportIfUnobserved = (g) => {
      if (!g.#task.observed) getHub().reportError(g.#result, g.#task)
    }
    observeGreenlet = (g, observer) => {
      g.#links = addLink(g.#links, observer)
    }
  }

  /**
   * Creates a greenlet that is not started yet; call {@link Greenlet.start}.
   * @throws TypeError if `fn` is not a function.
   */
  constructor(fn: (...args: never[]) => T | PromiseLike<T>, ...args: unknown[]) {
    if ((fn as unknown) === ADOPT) {
      // main's handle takes no number: the first greenlet spawned is Greenlet-1 whether
      // or not getCurrent() ran before
      this.#id = 0
      this.#task = args[0] as Task
      this.#task.handle = this
      return
    }
    checkFunction('fn', fn)
    this.#id = nextId++
    this.#task = new Task(fn, args.length === 0 ? NO_ARGS : args, this)
  }

  /** The hub that runs it (there is one per thread). */
  get hub(): Hub {
    return getHub()
  }

  /**
   * Creates and starts a greenlet: the same as {@link spawn}.
   * @example
   * ```ts
   * import { Greenlet } from '@strand/core'
   *
   * const g = Greenlet.spawn(Math.max, 1, 2)
   * await g.get() // => 2
   * ```
   */
  static spawn<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Greenlet<Awaited<R>> {
    return new Greenlet<Awaited<R>>(fn as never, ...args).start()
  }

  /** "Greenlet-1", "Greenlet-2", … unless you set one. */
  get name(): string {
    const x = this.#task.extras()
    return (x.name ??= `Greenlet-${this.#id}`)
  }

  set name(value: string) {
    if (typeof value !== 'string') {
      throw new TypeError(`Expected \`name\` to be a string, got ${describe(value)}`)
    }
    this.#task.extras().name = value
  }

  /** True once started and until it is dead (as gevent's `bool(g)`: false again after it ends). */
  get started(): boolean {
    const state = this.#task.state
    return state === SCHEDULED || state === RUNNING
  }

  /** Finished, failed, or killed (also killed before it ever ran). */
  get dead(): boolean {
    return this.#task.state === DEAD
  }

  /** The same as {@link Greenlet.dead}: the {@link Waitable} view. */
  ready(): boolean {
    return this.#task.state === DEAD
  }

  /** Dead without an exception. Ending by GreenletExit (the default kill) counts as success. */
  successful(): boolean {
    return this.#task.state === DEAD && !this.#failed
  }

  /** The result; the GreenletExit instance if it was killed with one; undefined before. */
  get value(): T | GreenletExit | undefined {
    return this.#failed ? undefined : (this.#result as T | GreenletExit | undefined)
  }

  /**
   * The exception it died with, or undefined. Reading it counts as handling the
   * failure: the hub then does not report it.
   */
  get exception(): unknown {
    if (!this.#failed) return undefined
    this.#task.observed = true
    return this.#result
  }

  /**
   * An AbortSignal aborted when this greenlet is killed (its reason is the kill
   * exception). Created on first use. To stop I/O on a Timeout as well, use
   * {@link Greenlet.interruptSignal}.
   */
  get signal(): AbortSignal {
    const rare = (this.#rare ??= new GreenletRare())
    if (rare.controller === null) {
      rare.controller = new AbortController()
      const killedWith = this.#task.x?.killedWith
      if (killedWith !== undefined) rare.controller.abort(killedWith)
    }
    return rare.controller.signal
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
    return interruptSignal(this.#task)
  }

  /** Schedules the first run. A no-op if already started, finished or killed. */
  start(): this {
    const task = this.#task
    if (task.state !== NEW) return this
    task.state = SCHEDULED
    const hub = getHub()
    hub.register(task)
    hub.scheduleStart(task)
    return this
  }

  /**
   * Schedules the first run `seconds` from now.
   * @throws TypeError/RangeError for a bad `seconds`.
   */
  startLater(seconds: number): this {
    const delay = checkSeconds('seconds', seconds) ?? 0
    const task = this.#task
    if (task.state !== NEW) return this
    task.state = SCHEDULED
    const hub = getHub()
    hub.register(task)
    const timer = new StartTimer(task, startTask)
    ;(this.#rare ??= new GreenletRare()).startTimer = timer
    hub.addTimer(timer, delay)
    return this
  }

  /**
   * Waits until it is dead. Resolves `true` once dead, `false` if `timeout` seconds
   * pass first; never throws its exception (use {@link Greenlet.get} for that), and
   * does not count as handling a failure: one nobody retrieves is still reported.
   * A kill or Timeout aimed at *you* interrupts the wait.
   * @throws RangeError when a greenlet joins itself (it would wait forever).
   */
  join(opts?: { timeout?: number | null }): Promise<boolean> {
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    if (this.#task.state === DEAD) return RESOLVED_TRUE
    this.#checkNotSelf('join')
    return getHub().wait<boolean>(
      JOIN_OWNER,
      this.#deathList(),
      seconds,
      `join(${this.name})`,
      JOIN,
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
    const task = this.#task
    if (task.state === DEAD) {
      if (!this.#failed) return Promise.resolve(this.#result as T)
      task.observed = true
      return Promise.reject(this.#result)
    }
    if (opts?.block === false) return Promise.reject(new Timeout(0))
    this.#checkNotSelf('get')
    return getHub().wait<T>(GET_OWNER, this.#deathList(), seconds, `get(${this.name})`, GET)
  }

  /**
   * Kills it: raises `exception` (default a new {@link GreenletExit}) at whatever it
   * waits on now, or at its next wait if it is busy elsewhere; aborts its
   * {@link Greenlet.signal} and {@link Greenlet.interruptSignal}. A greenlet that has not
   * started yet never runs and is dead at once. `kill()` itself never switches; the
   * promise it returns resolves when the greenlet is dead, or after `timeout` seconds (a
   * greenlet may catch the exception and go on). It never rejects, so it is fine not to
   * await it. `g.kill({ timeout: 1 })` is read as options.
   *
   * Killing yourself (`getCurrent().kill()`) raises the exception right there, as in
   * gevent: the call throws it synchronously.
   * @throws TypeError/RangeError for a bad `timeout`; the exception itself on a self-kill.
   */
  kill(opts: KillOptions): Promise<void>
  kill(exception?: unknown, opts?: { timeout?: number | null }): Promise<void>
  kill(exception?: unknown, opts?: { timeout?: number | null }): Promise<void> {
    const args = toKillArgs(exception, opts)
    const task = this.#task
    if (task.state === DEAD) return RESOLVED
    const error = toException(args.exception)
    const x = task.extras()
    if (x.killedWith === undefined) x.killedWith = error
    const hub = getHub()
    if (task.state !== RUNNING) {
      // never ran: it never will
      const timer = this.#rare?.startTimer
      if (timer != null) hub.removeTimer(timer)
      task.observed = true
      this.#die(error, !isGreenletExit(error))
      return RESOLVED
    }
    this.#abortSignal(error)
    if (task === (currentTask() ?? hub.rootTask)) {
      abortForInterrupt(task, error, KILL)
      throw error
    }
    hub.interruptTask(task, error, KILL)
    return hub.parkDetached<void>(KILL_OWNER, this.#deathList(), args.seconds, 'kill', KILL_WAIT)
      .promise
  }

  /**
   * Calls `callback(this)` in a new greenlet when it dies (at once if it is dead).
   * Links fire in the order they were added, each once.
   */
  link(callback: (g: Greenlet<T>) => unknown): void {
    this.#addLink(LINK, callback)
  }

  /** Like {@link Greenlet.link}, only when it ends successfully. */
  linkValue(callback: (g: Greenlet<T>) => unknown): void {
    this.#addLink(LINK_VALUE, callback)
  }

  /**
   * Like {@link Greenlet.link}, only when it fails. The callback receiving the failure
   * counts as handling it: the hub then does not report it.
   */
  linkException(callback: (g: Greenlet<T>) => unknown): void {
    this.#addLink(LINK_EXCEPTION, callback)
  }

  /**
   * Calls `callback(this)` from the hub when it dies: cheaper than `link`, but the
   * callback must not wait (it would throw BlockingSwitchOutError). What it throws is
   * reported through `hub.handleError`.
   */
  rawlink(callback: (w: Waitable) => void): void {
    this.#addLink(RAW, callback)
  }

  /** Removes a callback added by link, linkValue, linkException or rawlink. */
  unlink(callback: Function): void {
    this.#links = removeLink(this.#links, callback)
  }

  /** `<Greenlet "name": fnName>`; the function name stays after it died. */
  toString(): string {
    const fn = this.#bodyName()
    return `<Greenlet "${this.name}"${fn === undefined ? '' : `: ${fn}`}>`
  }

  /** `Greenlet "fetch-1" (fetchUser) dead: failed with TypeError` in console.log and util.inspect. */
  [inspect.custom](): string {
    const task = this.#task
    return describeGreenlet({
      name: this.name,
      fn: this.#bodyName(),
      state: task.state,
      waitingOn: task.waitLabels(),
      failed: this.#failed,
      result: this.#result,
    })
  }

  #bodyName(): string | undefined {
    const fn = this.#task.fn
    if (fn === null) return undefined
    return fn.name || 'anonymous'
  }

  /** join(), get() and kill() wait here; reports see that they wait for this greenlet. */
  #deathList(): WaitList {
    return (this.#joiners ??= new WaitList(new DeathResource(this)))
  }

  #abortSignal(error: unknown): void {
    const controller = this.#rare?.controller ?? null
    if (controller !== null && !controller.signal.aborted) controller.abort(error)
  }

  /** The body ended (or it was killed before it ran): wake the waiters, fire the links. */
  #die(result: unknown, failed: boolean): void {
    const task = this.#task
    if (task.state === DEAD) return
    task.state = DEAD
    // the arguments go; the function stays for toString() (a pointer, where a copy of its
    // name would cost a string and a getter call per death)
    task.args = null
    task.pending = null
    this.#result = result
    this.#failed = failed
    if (task.x !== null) releaseScopes(task)
    const hub = getHub()
    hub.unregister(task)
    const joiners = this.#joiners
    if (joiners !== null) {
      this.#joiners = null
      for (let w = joiners.shift(); w !== null; w = joiners.shift()) {
        if (w.data === GET) {
          if (failed) {
            task.observed = true
            hub.fail(w, result)
          } else hub.wake(w, result)
        } else hub.wake(w, w.data === KILL_WAIT ? undefined : true)
      }
    }
    const links = this.#links
    if (links !== null) {
      this.#links = null
      if (Array.isArray(links)) for (const link of links) this.#fire(link)
      else this.#fire(links)
    }
    if (failed && !task.observed) hub.schedule(reportIfUnobserved, this)
  }

  #fire(link: LinkEntry | DeathObserver): void {
    if (!(link instanceof LinkEntry)) {
      if (link.done !== true) link.notify(this)
      return
    }
    switch (link.kind) {
      case RAW:
        getHub().schedule(link.fn as (g: Greenlet) => unknown, this)
        return
      case LINK_VALUE:
        if (this.#failed) return
        break
      case LINK_EXCEPTION:
        if (!this.#failed) return
        this.#task.observed = true
        break
    }
    new Greenlet(link.fn as (g: Greenlet) => unknown, this).start()
  }

  #addLink(kind: number, callback: unknown): void {
    checkFunction('callback', callback)
    const link = new LinkEntry(kind, callback as Function)
    if (this.#task.state === DEAD) this.#fire(link)
    else this.#links = addLink(this.#links, link)
  }

  #checkNotSelf(what: string): void {
    if (currentTask() === this.#task) {
      throw new RangeError(
        `${this.name} cannot ${what}() itself: it would wait forever. Wait for it from another greenlet.`,
      )
    }
  }
}

/** What a join(), get() or kill() waits for: the greenlet "holds" its own end. */
class DeathResource implements WaitResource {
  readonly waitsForEnd = true
  constructor(private readonly g: Greenlet) {}
  resourceName(): string {
    return `greenlet "${this.g.name}"`
  }
  resourceHolders(): readonly Greenlet[] {
    return [this.g]
  }
}

/** Tells `observer.notify(g)` synchronously when `g` dies (the `observeDeath` hook). */
export function observeGreenletDeath(g: Greenlet, observer: DeathObserver): void {
  observeGreenlet(g, observer)
}

const startTask = (task: Task): void => getHub().scheduleStart(task)

/** kill()'s argument: nothing means a new GreenletExit; an error class is instantiated (as gevent does). */
function toException(exception: unknown): unknown {
  if (exception === undefined) return new GreenletExit()
  if (typeof exception === 'function' && exception.prototype instanceof Error) {
    return new (exception as new () => Error)()
  }
  return exception
}

/** Handle state few greenlets need, allocated on first use. */
class GreenletRare {
  controller: AbortController | null = null
  startTimer: StartTimer | null = null
}

import type { Clock } from './clock.js'
import { BlockingSwitchOutError } from './errors.js'
import { Greenlet } from './greenlet.js'
import { currentGreenlet, enterGreenlet, installContextHooks } from './internal/context.js'
import { RUNNING, SCHEDULED } from './internal/greenlet-state.js'
import { HubTimers } from './internal/hub-timers.js'
import { LiveList } from './internal/live-list.js'
import { raiseLoopExit } from './internal/loop-exit.js'
import { ReadyQueue } from './internal/ready-queue.js'
import { defaultHandleError } from './internal/report-error.js'
import { runGreenletBody } from './internal/run-body.js'
import type { TimerEntry } from './internal/timer-heap.js'
import type { WaitList } from './internal/wait-list.js'
import { CLAIMED, PENDING, Waiter, type WaitOwner } from './internal/waiter.js'

// a wait decided at once never times out
const LATER_OWNER: WaitOwner = { onTimeout: () => {} }

/** Counters from {@link Hub.stats}. */
export interface HubStats {
  /** Greenlets started and not yet dead. */
  live: number
  /** Greenlets started since the hub was created. */
  spawned: number
  /** Wake-ups, starts and callbacks queued to run. */
  ready: number
  /** Armed timers: sleeps, timeouts, spawnLater. */
  timers: number
}

/** One row of {@link Hub.runInfo}. */
export interface GreenletInfo {
  name: string
  state: 'scheduled' | 'running' | 'waiting'
  /** Labels of what it is parked on, e.g. `["Queue.get"]`. */
  waitingOn: string[]
  /** The stack where it was spawned, when `hub.trackSpawnSites` was on. */
  spawnedAt?: string
}

/** Signature of {@link Hub.handleError}. */
export type ErrorHandler = (error: unknown, context: Greenlet | null) => void

/**
 * The scheduler of one thread: it owns the clock, the FIFO ready queue, the timers,
 * the table of live greenlets and error reporting. You get it with {@link getHub};
 * you rarely need it except for `handleError`, `stats()`, `runInfo()` and `useClock()`.
 *
 * Every wake-up goes through the ready queue in FIFO order, never synchronously inside
 * `set()`, `put()`, `release()` or `kill()`; so the same program prints the same
 * output every time.
 *
 * @example
 * ```ts
 * import { getHub } from '@strand/core'
 *
 * const hub = getHub()
 * hub.handleError = (err, g) => console.error(`${g?.name} crashed:`, err)
 * hub.stats() // => { live: 0, spawned: 0, ready: 0, timers: 0 }
 * ```
 */
export class Hub {
  /** Stands for code that runs outside any spawned greenlet; named "main". */
  readonly root: Greenlet
  /** Record a stack for each spawn, shown by {@link Hub.runInfo}. Costs time; on with STRAND_TRACK_SPAWN=1. */
  trackSpawnSites = process.env.STRAND_TRACK_SPAWN === '1'
  /** Reports a greenlet that died with an exception nobody observed. Replaceable. */
  handleError: ErrorHandler = defaultHandleError
  /** True while a hub callback runs: waiting there is an error. */
  inCallback = false
  /** @internal live greenlets */
  readonly live = new LiveList()

  private readonly ready = new ReadyQueue(this)
  private readonly timers = new HubTimers((fire) => this.runFromHub(fire))

  constructor() {
    installContextHooks()
    this.root = Greenlet._root()
    process.on('beforeExit', () => raiseLoopExit(this))
  }

  /** The running greenlet, or {@link Hub.root} outside any spawned greenlet. */
  current(): Greenlet {
    return currentGreenlet() ?? this.root
  }

  /** The time source of every sleep and timeout. Replace it with {@link Hub.useClock}. */
  get clock(): Clock {
    return this.timers.clock
  }

  /**
   * Swaps the clock, e.g. for a {@link VirtualClock} in tests.
   * @throws Error while timers are armed (their deadlines belong to the old clock).
   */
  useClock(clock: Clock): void {
    this.timers.useClock(clock, this.ready.isIdle)
  }

  /**
   * How many wake-ups, starts and callbacks the hub runs before it lets Node's event loop
   * poll timers and I/O (default 1000), so a `sleep(0)` loop cannot starve them. Counted,
   * not timed, so the same program interleaves the same way on a fast or a slow machine.
   */
  get maxRunsPerSlice(): number {
    return this.ready.maxRunsPerSlice
  }

  set maxRunsPerSlice(runs: number) {
    this.ready.maxRunsPerSlice = runs
  }

  /**
   * A safety valve in seconds (default 0.05): when greenlets keep the CPU this long
   * without a break, the hub yields to the event loop early.
   */
  get switchInterval(): number {
    return this.ready.switchInterval
  }

  set switchInterval(seconds: number) {
    this.ready.switchInterval = seconds
  }

  /** True when nothing is queued to run (the virtual clock jumps only then). */
  isIdle(): boolean {
    return this.ready.isIdle()
  }

  // cooperative waits: the machinery of every blocking primitive (see @strand/core/internal)

  /**
   * Parks the current greenlet and returns the promise it awaits: the common form of
   * {@link Hub.park} for a primitive with no bookkeeping after parking. `data` is free
   * for the owner (a putter's item, a requested count, …).
   *
   * @throws BlockingSwitchOutError inside a hub callback.
   */
  wait<T = unknown>(
    owner: WaitOwner,
    list: WaitList | null,
    seconds: number | null,
    label: string,
    data?: unknown,
  ): Promise<T> {
    const w = this.park<T>(owner, list, seconds, label, data)
    return w instanceof Waiter ? w.promise : w
  }

  /**
   * Parks the current greenlet: a new {@link Waiter} in `list` (and on the timer heap
   * when `seconds` is not null), registered with the greenlet so kill() and Timeout
   * reject it. Settle it with {@link Hub.wake} or {@link Hub.fail}.
   *
   * If the greenlet already has a kill or a Timeout pending, nothing is parked and you
   * get the rejected promise instead: return it as it is, and skip any bookkeeping you
   * would do for a parked waiter (the union type makes you check).
   *
   * @throws BlockingSwitchOutError inside a hub callback.
   */
  park<T = unknown>(
    owner: WaitOwner,
    list: WaitList | null,
    seconds: number | null,
    label: string,
    data?: unknown,
  ): Waiter<T> | Promise<T> {
    if (this.inCallback) throw new BlockingSwitchOutError()
    const g = currentGreenlet() ?? this.root
    if (g._hasPending) return Promise.reject(g._takePending())
    const w = new Waiter<T>(g, owner, label)
    w.data = data
    g._addWait(w)
    if (list !== null) list.push(w)
    if (seconds !== null) {
      w.seconds = seconds
      this.timers.add(w, seconds)
    }
    return w
  }

  /**
   * A wait that is decided already: its promise settles with `result` (or rejects with
   * it when `failed`) in FIFO order behind what is queued now, so a reader arriving
   * while a wake-up round runs takes its turn after that round. A pending interrupt
   * rejects it instead, as at any wait.
   */
  later<T = unknown>(label: string, result: unknown, failed = false): Promise<T> {
    const w = this.park<T>(LATER_OWNER, null, null, label)
    if (!(w instanceof Waiter)) return w
    this.claim(w, failed, result)
    return w.promise
  }

  /** Wakes every waiter of `list` with `value`, longest-waiting first. */
  wakeAll(list: WaitList, value?: unknown): void {
    for (let w = list.shift(); w !== null; w = list.shift()) this.wake(w, value)
  }

  /** Fails every waiter of `list` with `error(w)`, longest-waiting first. */
  failAll(list: WaitList, error: (w: Waiter) => unknown): void {
    for (let w = list.shift(); w !== null; w = list.shift()) this.fail(w, error(w))
  }

  /** Claims `w` with a value. False (and nothing happens) if it was already claimed. */
  wake(w: Waiter, value?: unknown): boolean {
    return this.claim(w, false, value)
  }

  /** Claims `w` with an exception. False if it was already claimed. */
  fail(w: Waiter, error: unknown): boolean {
    return this.claim(w, true, error)
  }

  // The one claim routine (PENDING → CLAIMED, see waiter.ts): decide the outcome now,
  // detach from everything, and let the ready queue settle the promise in FIFO order.
  private claim(w: Waiter, failed: boolean, result: unknown): boolean {
    if (w.state !== PENDING) return false
    if (w.list !== null) w.list.remove(w)
    w.greenlet._removeWait(w)
    if (w.heapIndex >= 0) this.timers.remove(w)
    w.state = CLAIMED
    w.failed = failed
    w.result = result
    this.ready.settle(w)
    return true
  }

  /** Called by a waiter's timer: hands the decision to its owner. */
  timeoutWaiter(w: Waiter): void {
    if (w.state === PENDING) w.owner.onTimeout(w)
  }

  /**
   * Raises `error` into greenlet `g` at whatever it waits on now, or, if it waits on
   * nothing Strand knows (it runs, or awaits a foreign promise), at its next wait.
   * `source` identifies who raised it (a Timeout can take back its own).
   */
  interrupt(g: Greenlet, error: unknown, source: unknown): void {
    let w = g._waitHead
    const delivered = w !== null
    while (w !== null) {
      const next = w.gNext
      this.fail(w, error)
      w.owner.onInterrupt?.(w)
      w = next
    }
    if (!delivered) g._setPending(error, source)
    g._abortInterrupt(error, source)
  }

  /** `sleep(0)`: queue the current greenlet behind everything that is ready now. */
  yieldNow(): Promise<void> {
    if (this.inCallback) throw new BlockingSwitchOutError()
    const g = currentGreenlet() ?? this.root
    if (g._hasPending) return Promise.reject(g._takePending())
    return new Promise<void>(this.ready.queueResolver)
  }

  /** Runs `fn(arg)` from the hub, after everything already queued. It must not wait. */
  schedule<A>(fn: (arg: A) => void, arg: A): void {
    this.ready.callback(fn as (arg: never) => void, arg)
  }

  /** Queues a greenlet's first run. */
  scheduleStart(g: Greenlet): void {
    this.ready.start(g)
  }

  /** @internal called by the ready queue */
  startGreenlet(g: Greenlet): void {
    if (g._state !== SCHEDULED) return // killed before it ran
    g._state = RUNNING
    // the pass runs outside any greenlet, so restoring means clearing
    enterGreenlet(g)
    try {
      runGreenletBody(g)
    } finally {
      enterGreenlet(null)
    }
  }

  /** @internal called by the ready queue */
  runCallback(fn: (arg: never) => void, arg: unknown): void {
    this.inCallback = true
    try {
      this.runFromHub(fn as () => void, arg)
    } finally {
      this.inCallback = false
    }
  }

  // Hub work runs outside whichever greenlet scheduled it, and its errors are reported.
  // (Settling a waiter needs no context, so only callbacks and timers pay for this.)
  private runFromHub(fn: (arg?: unknown) => void, arg?: unknown): void {
    enterGreenlet(null)
    try {
      fn(arg)
    } catch (err) {
      this.handleError(err, null)
    }
  }

  // timers

  /** Arms `entry` to fire `seconds` from now. */
  addTimer(entry: TimerEntry, seconds: number): void {
    this.timers.add(entry, seconds)
  }

  removeTimer(entry: TimerEntry): void {
    this.timers.remove(entry)
  }

  /** @internal a snapshot of the armed timers */
  _timerEntries(): TimerEntry[] {
    return this.timers.entries()
  }

  /** @internal cancels the given timers, except the main greenlet's own timed waits (shutdown) */
  _cancelTimers(entries: TimerEntry[]): void {
    for (const e of entries) {
      if (e.heapIndex < 0) continue
      if (e instanceof Waiter && e.greenlet === this.root) continue
      this.timers.remove(e)
    }
  }

  // live greenlets

  /** Live greenlets, most recently started first. */
  liveGreenlets(): Iterable<Greenlet> {
    return this.live
  }

  /** Counters for dashboards and tests. */
  stats(): HubStats {
    return {
      live: this.live.count,
      spawned: this.live.added,
      ready: this.ready.size,
      timers: this.timers.size,
    }
  }

  /**
   * Every live greenlet with its state and what it waits on (gevent's
   * `print_run_info`): the first thing to look at when a program hangs.
   *
   * @example
   * ```ts
   * import { getHub, spawn, sleep } from '@strand/core'
   *
   * spawn(() => sleep(60)).name = 'sleeper'
   * await sleep(0)
   * getHub().runInfo() // => [{ name: 'sleeper', state: 'waiting', waitingOn: ['sleep'] }]
   * ```
   */
  runInfo(): GreenletInfo[] {
    const rows: GreenletInfo[] = []
    for (const g of [this.root, ...this.live]) {
      const waitingOn = g._waitLabels()
      if (g === this.root && waitingOn.length === 0) continue
      const scheduled = g._state === SCHEDULED
      const state = waitingOn.length > 0 ? 'waiting' : scheduled ? 'scheduled' : 'running'
      const row: GreenletInfo = { name: g.name, state, waitingOn }
      if (g._spawnSite !== undefined) row.spawnedAt = g._spawnSite
      rows.push(row)
    }
    return rows
  }
}

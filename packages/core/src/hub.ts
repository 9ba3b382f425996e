import { inspect } from 'node:util'
import type { Clock } from './clock.js'
import { BlockingSwitchOutError } from './errors.js'
import type { Greenlet } from './greenlet.js'
import {
  anyTaskAlive,
  currentTask,
  enterTask,
  removeContextHooks,
  taskEnded,
  taskStarted,
  untaggedPromise,
} from './internal/context.js'
import { handleType } from './internal/handles.js'
import { HubTimers } from './internal/hub-timers.js'
import { IdleWaiters } from './internal/idle-waiters.js'
import { abortForInterrupt, addPending, takePending } from './internal/interrupts.js'
import { LiveList } from './internal/live-list.js'
import { raiseLoopExit } from './internal/loop-exit.js'
import { nodeSetImmediate } from './internal/node-timers.js'
import { ReadyQueue } from './internal/ready-queue.js'
import { defaultHandleError, reportHandlerFailure } from './internal/report-error.js'
import { runTaskBody } from './internal/run-body.js'
import { RUNNING, SCHEDULED, Task } from './internal/task.js'
import type { TimerEntry } from './internal/timer-heap.js'
import type { WaitList } from './internal/wait-list.js'
import { CLAIMED, PENDING, Waiter, type WaitOwner } from './internal/waiter.js'
import type { TraceEvent } from './trace.js'

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

/** Options of the {@link Hub} constructor (tools that run a program on a hub of its own). */
export interface HubOptions {
  /** The clock of every sleep and timeout (default the real one). */
  clock?: Clock
  /** Run what is ready in each pass in a random order: `shuffle(n)` returns an integer in [0, n). */
  shuffle?: (n: number) => number
  /** Seconds added to each timer's delay (`jitter(delay)`, never negative): simulated latency. */
  jitter?: (seconds: number) => number
  /**
   * Told every step of the schedule, in the order the hub takes them: each spawn, each
   * first run, each wake-up from a wait and each hub callback (the schedule explorer's
   * record of the switches). It must not wait or throw.
   */
  trace?: (event: TraceEvent) => void
}

/** Signature of {@link Hub.handleError}. */
export type ErrorHandler = (error: unknown, context: Greenlet | null) => void

// a wait decided at once never times out
const LATER_OWNER: WaitOwner = { onTimeout: () => {} }

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
  /** Record a stack for each spawn, shown by {@link Hub.runInfo}. Costs time; on with STRAND_TRACK_SPAWN=1. */
  trackSpawnSites = process.env.STRAND_TRACK_SPAWN === '1'
  /**
   * Reports a greenlet that died with an exception nobody retrieved, and errors thrown
   * by callbacks the hub runs. Replaceable. If your handler throws, the hub reports that
   * once on stderr and goes on.
   */
  handleError: ErrorHandler = defaultHandleError
  /**
   * Explains a LoopExit: called once each time LoopExit is raised, before any wait gets
   * it, while the blocked greenlets still wait; what it returns ends every LoopExit's
   * message (and is its `report`). `@strand/testing` plugs its deadlock report in here.
   *
   * @example
   * ```ts
   * import { getHub } from '@strand/core'
   *
   * getHub().explainLoopExit = () => getHub().runInfo().map((r) => `${r.name}: ${r.waitingOn}`).join('\n')
   * ```
   */
  explainLoopExit: (() => string | undefined) | null = null
  /** True while a hub callback runs: waiting there is an error. */
  inCallback = false
  /** @internal the root task: code outside any spawned greenlet */
  readonly rootTask: Task = new Task(null, null, null)

  readonly #live = new LiveList()
  readonly #ready = new ReadyQueue(this)
  readonly #timers = new HubTimers((fire) => this.#runFromHub(fire))
  readonly #onBeforeExit = (): void => void this.raiseLoopExit()
  readonly #failBound = (w: Waiter, error: unknown): void => void this.fail(w, error)
  readonly #trace: ((event: TraceEvent) => void) | null = null
  readonly #idlers = new IdleWaiters(
    () => this.isIdle(),
    (w) => void this.wake(w),
  )

  /**
   * A new hub. You get the thread's hub from {@link getHub}; a second one is for tools
   * that run a program in isolation (`@strand/testing`, through `installHub`).
   */
  constructor(opts?: HubOptions) {
    if (opts?.clock !== undefined) this.useClock(opts.clock)
    if (opts?.shuffle !== undefined) this.#ready.shuffle = opts.shuffle
    if (opts?.jitter !== undefined) this.#timers.jitter = opts.jitter
    if (opts?.trace !== undefined) {
      this.#trace = opts.trace
      this.#ready.onSettle = (w) => this.#traceResume(w)
    }
    this.rootTask.state = RUNNING
    this.rootTask.extras().name = 'main'
    process.on('beforeExit', this.#onBeforeExit)
  }

  /** Stands for code that runs outside any spawned greenlet; named "main". */
  get root(): Greenlet {
    const task = this.rootTask
    return (task.handle ??= handleType<Greenlet>().rootHandle(task)) as Greenlet
  }

  /** The running greenlet, or {@link Hub.root} outside any spawned greenlet. */
  current(): Greenlet {
    const task = currentTask()
    return task === null ? this.root : (task.handle as Greenlet)
  }

  /** @internal the running task, or the root task */
  currentTask(): Task {
    return currentTask() ?? this.rootTask
  }

  /** The time source of every sleep and timeout. Replace it with {@link Hub.useClock}. */
  get clock(): Clock {
    return this.#timers.clock
  }

  /**
   * Swaps the clock, e.g. for a {@link VirtualClock} in tests.
   * @throws StrandError (`ERR_CLOCK_BUSY`) while timers are armed (their deadlines belong to the old clock).
   */
  useClock(clock: Clock): void {
    this.#timers.useClock(clock, this.#ready.isIdle)
  }

  /**
   * How many wake-ups, starts and callbacks the hub runs before it lets Node's event loop
   * poll timers and I/O (default 1000), so a `sleep(0)` loop cannot starve them. Counted,
   * not timed, so the same program interleaves the same way on a fast or a slow machine.
   */
  get maxRunsPerSlice(): number {
    return this.#ready.maxRunsPerSlice
  }

  set maxRunsPerSlice(runs: number) {
    this.#ready.maxRunsPerSlice = runs
  }

  /**
   * A safety valve in seconds (default 0.05): when greenlets keep the CPU this long
   * without a break, the hub yields to the event loop early.
   */
  get switchInterval(): number {
    return this.#ready.switchInterval
  }

  set switchInterval(seconds: number) {
    this.#ready.switchInterval = seconds
  }

  /** True when nothing is queued to run (the virtual clock jumps only then). */
  isIdle(): boolean {
    return this.#ready.isIdle()
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
   * when `seconds` is not null), registered with its task so kill() and Timeout reject
   * it. Settle it with {@link Hub.wake} or {@link Hub.fail}.
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
    const task = currentTask() ?? this.rootTask
    if (task.pending !== null) return Promise.reject(takePending(task))
    const w = new Waiter<T>(task, owner, label)
    w.data = data
    if (this.#trace !== null) {
      const resource = list?.resource ?? null
      this.#trace({ kind: 'wait', greenlet: this.#handleOf(task), label, resource, seconds })
    }
    task.addWait(w)
    if (list !== null) list.push(w)
    if (seconds !== null) {
      w.seconds = seconds
      this.#timers.add(w, seconds)
    }
    return w
  }

  /**
   * A wait no interrupt can reach: it belongs to no greenlet, so kill() and Timeout of
   * whoever awaits it do not reject it (kill()'s wait for a death). Its own timeout
   * still works through `owner`, and it leaves `list` and the timer heap when claimed.
   */
  parkDetached<T = unknown>(
    owner: WaitOwner,
    list: WaitList | null,
    seconds: number | null,
    label: string,
    data?: unknown,
  ): Waiter<T> {
    const w = new Waiter<T>(null, owner, label)
    w.data = data
    if (list !== null) list.push(w)
    if (seconds !== null) {
      w.seconds = seconds
      this.#timers.add(w, seconds)
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
    this.#claim(w, failed, result)
    return w.promise
  }

  /** Claims `w` with a value. False (and nothing happens) if it was already claimed. */
  wake(w: Waiter, value?: unknown): boolean {
    return this.#claim(w, false, value)
  }

  /** Claims `w` with an exception. False if it was already claimed. */
  fail(w: Waiter, error: unknown): boolean {
    return this.#claim(w, true, error)
  }

  /** Wakes every waiter of `list` with `value`, longest-waiting first. */
  wakeAll(list: WaitList, value?: unknown): void {
    for (let w = list.shift(); w !== null; w = list.shift()) this.#claim(w, false, value)
  }

  /** Fails every waiter of `list` with `error(w)`, longest-waiting first. */
  failAll(list: WaitList, error: (w: Waiter) => unknown): void {
    for (let w = list.shift(); w !== null; w = list.shift()) this.#claim(w, true, error(w))
  }

  // The one claim routine (PENDING → CLAIMED, see waiter.ts): decide the outcome now,
  // detach from everything, and let the ready queue settle the promise in FIFO order.
  #claim(w: Waiter, failed: boolean, result: unknown): boolean {
    if (w.state !== PENDING) return false
    if (w.list !== null) w.list.remove(w)
    if (w.task !== null) w.task.removeWait(w)
    if (w.heapIndex >= 0) this.#timers.remove(w)
    w.state = CLAIMED
    w.failed = failed
    w.result = result
    this.#ready.settle(w)
    return true
  }

  /**
   * Raises `error` into greenlet `g` at whatever it waits on now, or, if it waits on
   * nothing Strand knows (it runs, or awaits a foreign promise), at its next wait.
   * `source` identifies who raised it, so it can take it back
   * (`dropPendingInterrupt(g, source)`); pending interrupts never overwrite each other.
   * Aborts `g.interruptSignal`.
   */
  interrupt(g: Greenlet, error: unknown, source: unknown): void {
    this.interruptTask(handleType<Greenlet>().taskOf(g), error, source)
  }

  /** @internal {@link Hub.interrupt} on the task record */
  interruptTask(task: Task, error: unknown, source: unknown): void {
    let w = task.waitHead
    if (w === null) addPending(task, error, source)
    while (w !== null) {
      const next = w.tNext
      this.#claim(w, true, error)
      w.owner.onInterrupt?.(w)
      w = next
    }
    try {
      abortForInterrupt(task, error, source)
    } catch (err) {
      this.reportError(err, task)
    }
  }

  /**
   * Raises {@link LoopExit} now into the waits nothing can wake, as the hub does when
   * Node is about to exit with greenlets blocked: into the main greenlet's waits, or,
   * when main waits on nothing, into each blocked greenlet's (once per greenlet).
   * Returns how many waits got it. For tools that find a program stuck while the
   * process goes on (a test runner keeps it alive); call it only when nothing is ready
   * and no timer or I/O could wake anyone.
   *
   * @example
   * ```ts
   * import { getHub } from '@strand/core'
   *
   * // nothing ready, no timers, the test's program waits: end it as Node's exit would
   * if (getHub().isIdle() && getHub().stats().timers === 0) getHub().raiseLoopExit()
   * ```
   */
  raiseLoopExit(): number {
    let report: string | undefined
    try {
      report = this.explainLoopExit?.()
    } catch (err) {
      this.reportError(err, null)
    }
    return raiseLoopExit(this.rootTask, this.#live, this.#failBound, report)
  }

  /** `idle()`: resume once nothing else is ready to run. */
  idle(): Promise<void> {
    const promise = this.wait<void>(LATER_OWNER, this.#idlers.list, null, 'idle')
    this.#idlers.watch()
    return promise
  }

  /** `sleep(0)`: queue the current greenlet behind everything that is ready now. */
  yieldNow(): Promise<void> {
    if (this.inCallback) throw new BlockingSwitchOutError()
    const task = currentTask() ?? this.rootTask
    if (task.pending !== null) return Promise.reject(takePending(task))
    const trace = this.#trace
    if (trace !== null) {
      const greenlet = this.#handleOf(task)
      trace({ kind: 'wait', greenlet, label: 'sleep(0)', resource: null, seconds: null })
      return new Promise<void>((resolve) =>
        this.#ready.queueResolver(() => {
          trace({ kind: 'resume', greenlet, label: 'sleep(0)', failed: false, error: undefined })
          resolve()
        }),
      )
    }
    return untaggedPromise<void>(this.#ready.queueResolver)
  }

  #handleOf(task: Task): Greenlet {
    return task === this.rootTask ? this.root : (task.handle as Greenlet)
  }

  #traceResume(w: Waiter): void {
    const greenlet = w.task === null ? null : this.#handleOf(w.task)
    const error = w.failed ? w.result : undefined
    this.#trace?.({ kind: 'resume', greenlet, label: w.label, failed: w.failed, error })
  }

  /**
   * Runs `fn(arg)` from the hub, after everything already queued. It must not wait; what
   * it throws, or a promise it returns that rejects, is reported through handleError.
   */
  schedule<A>(fn: (arg: A) => unknown, arg: A): void {
    this.#ready.callback(fn as (arg: never) => void, arg)
  }

  /** @internal adds a started task to the live table (and records where it was spawned) */
  register(task: Task): void {
    taskStarted()
    this.#live.add(task)
    if (this.#trace !== null) {
      this.#trace({ kind: 'spawn', greenlet: task.handle as Greenlet, parent: this.current() })
    }
    if (this.trackSpawnSites) {
      task.extras().spawnSite = new Error().stack?.split('\n').slice(3).join('\n')
    }
  }

  /** @internal a dead task leaves the live table */
  unregister(task: Task): void {
    const before = this.#live.count
    this.#live.remove(task)
    // counted across hubs: another hub's greenlets may still be alive (a tool's run)
    if (this.#live.count < before && taskEnded() && !this.#hooksCheck) {
      this.#hooksCheck = true
      nodeSetImmediate(this.#maybeRemoveHooks).unref()
    }
  }

  #hooksCheck = false
  // no greenlet of any hub alive for a whole turn: stop charging every promise for the hooks
  readonly #maybeRemoveHooks = (): void => {
    this.#hooksCheck = false
    if (!anyTaskAlive()) removeContextHooks()
  }

  /** @internal queues a task's first run */
  scheduleStart(task: Task): void {
    this.#ready.start(task)
  }

  /** @internal called by the ready queue */
  startTask(task: Task): void {
    if (task.state !== SCHEDULED) return // killed before it ran
    task.state = RUNNING
    if (this.#trace !== null) this.#trace({ kind: 'start', greenlet: task.handle as Greenlet })
    // the pass runs outside any greenlet, so restoring means clearing
    enterTask(task)
    try {
      runTaskBody(task)
    } finally {
      enterTask(null)
    }
  }

  /** @internal called by the ready queue */
  runCallback(fn: (arg: never) => unknown, arg: unknown): void {
    if (this.#trace !== null) this.#trace({ kind: 'callback', name: fn.name || 'anonymous' })
    this.inCallback = true
    try {
      this.#runFromHub(fn as (arg: unknown) => unknown, arg)
    } finally {
      this.inCallback = false
    }
  }

  /**
   * Calls `handleError(error, task's greenlet)`, containing a handler that throws: that
   * is reported once on stderr and the hub goes on.
   * @internal
   */
  reportError(error: unknown, task: Task | null): void {
    const context = task === null || task === this.rootTask ? null : (task.handle as Greenlet)
    try {
      this.handleError(error, context)
    } catch (handlerError) {
      reportHandlerFailure(handlerError, error)
    }
  }

  // Hub work runs outside whichever greenlet scheduled it, and its errors are reported.
  // (Settling a waiter needs no context, so only callbacks and timers pay for this.)
  #runFromHub(fn: (arg?: unknown) => unknown, arg?: unknown): void {
    enterTask(null)
    let result: unknown
    try {
      result = fn(arg)
    } catch (err) {
      this.reportError(err, null)
      return
    }
    if (result instanceof Promise) result.then(undefined, this.#reportRejection)
  }

  readonly #reportRejection = (err: unknown): void => this.reportError(err, null)

  // timers

  /** Arms `entry` to fire `seconds` from now. */
  addTimer(entry: TimerEntry, seconds: number): void {
    this.#timers.add(entry, seconds)
  }

  removeTimer(entry: TimerEntry): void {
    this.#timers.remove(entry)
  }

  /** @internal a snapshot of the armed timers (shutdown cancels only those) */
  timerSnapshot(): TimerEntry[] {
    return this.#timers.entries()
  }

  /** @internal cancels the given timers, except the main greenlet's own timed waits (shutdown) */
  cancelTimers(entries: TimerEntry[]): void {
    for (const e of entries) {
      if (e.heapIndex < 0) continue
      if (e instanceof Waiter && e.task === this.rootTask) continue
      this.#timers.remove(e)
    }
  }

  // live greenlets

  /** Live greenlets, most recently started first. */
  *liveGreenlets(): Generator<Greenlet> {
    for (const task of this.#live) yield task.handle as Greenlet
  }

  /** Counters for dashboards and tests. */
  stats(): HubStats {
    return {
      live: this.#live.count,
      spawned: this.#live.added,
      ready: this.#ready.size,
      timers: this.#timers.size,
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
    for (const task of [this.rootTask, ...this.#live]) {
      const waitingOn = task.waitLabels()
      if (task === this.rootTask && waitingOn.length === 0) continue
      const scheduled = task.state === SCHEDULED
      const state = waitingOn.length > 0 ? 'waiting' : scheduled ? 'scheduled' : 'running'
      const name = task === this.rootTask ? 'main' : (task.handle as Greenlet).name
      const row: GreenletInfo = { name, state, waitingOn }
      const site = task.x?.spawnSite
      if (site !== undefined) row.spawnedAt = site
      rows.push(row)
    }
    return rows
  }

  /** `Hub(3 live, 1 ready, 2 timers)` in console.log and util.inspect. */
  [inspect.custom](): string {
    const s = this.stats()
    return `Hub(${s.live} live, ${s.ready} ready, ${s.timers} timers)`
  }

  /** @internal stops listening for the process exit (a hub made for one test run) */
  dispose(): void {
    process.off('beforeExit', this.#onBeforeExit)
  }
}

import { AsyncLocalStorage } from 'node:async_hooks'
import { type Clock, realClock } from './clock.js'
import { BlockingSwitchOutError, LoopExit } from './errors.js'
import { Greenlet, runGreenletBody } from './greenlet.js'
import { PairRing } from './internal/ring.js'
import { type TimerEntry, TimerHeap } from './internal/timer-heap.js'
import type { WaitList } from './internal/wait-list.js'
import { CLAIMED, PENDING, SETTLED, Waiter, type WaitOwner } from './internal/waiter.js'

/** Ready-queue tag: the paired value is a promise resolver (a `sleep(0)`). */
const RESOLVE = 1
/** Ready-queue tag: the paired value is a greenlet to start. */
const START = 2
type Entry = Waiter | typeof RESOLVE | typeof START | ((arg: never) => void)

const RESOLVED = Promise.resolve()
const HUB_KEY = Symbol.for('strand.hub')

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
  /** Where the current greenlet lives across awaits. */
  readonly als = new AsyncLocalStorage<Greenlet>()
  /** The time source for every sleep and timeout. Replace it with {@link Hub.useClock}. */
  clock: Clock = realClock
  /** Stands for code that runs outside any spawned greenlet; named "main". */
  readonly root: Greenlet
  /**
   * How many wake-ups, starts and callbacks the hub runs before it lets Node's event loop
   * poll timers and I/O, so a `sleep(0)` loop cannot starve them. Counted, not timed, so
   * the same program interleaves the same way on a fast or a slow machine.
   */
  maxRunsPerSlice = 1000
  /**
   * A safety valve in seconds: when greenlets keep the CPU this long without a break
   * (heavy synchronous work between waits), the hub yields to the event loop early.
   */
  switchInterval = 0.05
  /** Record a stack for each spawn, shown by {@link Hub.runInfo}. Costs time; on with STRAND_TRACK_SPAWN=1. */
  trackSpawnSites = process.env.STRAND_TRACK_SPAWN === '1'
  /** Reports a greenlet that died with an exception nobody observed. Replaceable. */
  handleError: ErrorHandler = defaultHandleError

  /** True while a hub callback runs: waiting there is an error. */
  inCallback = false
  /** Live greenlets, an intrusive list threaded through them. */
  liveHead: Greenlet | null = null
  private liveCount = 0
  private spawnedCount = 0

  private readonly ready = new PairRing<Entry, unknown>()
  private drainScheduled = false
  private sliceStart = -1
  private sliceRuns = 0
  private passes = 0
  private readonly timers = new TimerHeap()
  private armed: unknown = null
  private armedDeadline = Number.POSITIVE_INFINITY
  private seq = 0

  constructor() {
    this.root = Greenlet._root()
    process.on('beforeExit', this.onBeforeExit)
  }

  /** The running greenlet, or {@link Hub.root} outside any spawned greenlet. */
  current(): Greenlet {
    return this.als.getStore() ?? this.root
  }

  // ---- cooperative waits (used by every blocking primitive; see @strand/core/internal) ----

  /**
   * Parks the current greenlet. The returned waiter's promise is what the caller
   * returns to its user; settle it with {@link Hub.wake} or {@link Hub.fail}.
   * `list` gets the waiter unless the greenlet already has a kill or timeout pending,
   * in which case the waiter comes back already claimed with that exception.
   *
   * @throws BlockingSwitchOutError inside a hub callback.
   */
  park<T = unknown>(
    owner: WaitOwner,
    list: WaitList | null,
    seconds: number | null,
    label: string,
  ): Waiter<T> {
    if (this.inCallback) throw new BlockingSwitchOutError()
    const g = this.als.getStore() ?? this.root
    const w = new Waiter<T>(g, owner, label)
    if (g._hasPending) {
      w.state = CLAIMED
      w.failed = true
      w.result = g._takePending()
      this.push(w, undefined)
      return w
    }
    g._addWait(w)
    if (list !== null) list.push(w)
    if (seconds !== null) {
      w.seconds = seconds
      this.addTimer(w, seconds)
    }
    return w
  }

  /** Claims `w` with a value. False (and nothing happens) if it was already claimed. */
  wake(w: Waiter, value?: unknown): boolean {
    if (w.state !== PENDING) return false
    this.detach(w)
    w.state = CLAIMED
    w.result = value
    this.push(w, undefined)
    return true
  }

  /** Claims `w` with an exception. False if it was already claimed. */
  fail(w: Waiter, error: unknown): boolean {
    if (w.state !== PENDING) return false
    this.detach(w)
    w.state = CLAIMED
    w.failed = true
    w.result = error
    this.push(w, undefined)
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
      this.detach(w)
      w.state = CLAIMED
      w.failed = true
      w.result = error
      this.push(w, undefined)
      w.owner.onInterrupt?.(w)
      w = next
    }
    if (!delivered) g._setPending(error, source)
    g._abortInterrupt(error)
  }

  /** `sleep(0)`: queue the current greenlet behind everything that is ready now. */
  yieldNow(): Promise<void> {
    if (this.inCallback) throw new BlockingSwitchOutError()
    const g = this.als.getStore() ?? this.root
    if (g._hasPending) return Promise.reject(g._takePending())
    return new Promise<void>(this.queueResolver)
  }

  private readonly queueResolver = (resolve: () => void): void => {
    this.push(RESOLVE, resolve)
  }

  /** Runs `fn(arg)` from the hub, after everything already queued. It must not wait. */
  schedule<A>(fn: (arg: A) => void, arg: A): void {
    this.push(fn as (arg: never) => void, arg)
  }

  /** Queues a greenlet's first run. */
  scheduleStart(g: Greenlet): void {
    this.push(START, g)
  }

  private detach(w: Waiter): void {
    if (w.list !== null) w.list.remove(w)
    w.greenlet._removeWait(w)
    if (w.heapIndex >= 0) this.removeTimer(w)
  }

  // ---- the ready queue ----

  private push(a: Entry, b: unknown): void {
    this.ready.push(a, b)
    if (!this.drainScheduled) this.scheduleDrain()
  }

  private scheduleDrain(): void {
    this.drainScheduled = true
    if (this.sliceStart >= 0 && (this.sliceRuns >= this.maxRunsPerSlice || this.overTime())) {
      setImmediate(this.runPass)
    } else {
      void RESOLVED.then(this.runPass)
    }
  }

  // reading the clock costs: only every 64th pass
  private overTime(): boolean {
    return (
      (++this.passes & 63) === 0 && performance.now() - this.sliceStart > this.switchInterval * 1000
    )
  }

  private readonly endSlice = (): void => {
    this.sliceStart = -1
  }

  /**
   * Runs the ready queue in FIFO order. Settling a waiter only queues its greenlet's
   * continuation as a microtask; a start or a callback runs synchronously, so it may run
   * only while no continuation is queued ahead of it: otherwise the pass stops and
   * resumes after those continuations. That keeps the run order equal to the queue order.
   */
  private readonly runPass = (): void => {
    this.drainScheduled = false
    if (this.sliceStart < 0) {
      this.sliceStart = performance.now()
      this.sliceRuns = 0
      setImmediate(this.endSlice)
    }
    const q = this.ready
    let continued = false
    while (q.size > 0) {
      if (++this.sliceRuns > this.maxRunsPerSlice) break
      const a = q.peekA()
      if (a instanceof Waiter) {
        q.drop()
        a.state = SETTLED
        if (a.failed) a.reject(a.result)
        else a.resolve(a.result)
        continued = true
      } else if (a === RESOLVE) {
        const resolve = q.peekB() as () => void
        q.drop()
        resolve()
        continued = true
      } else {
        if (continued) {
          this.sliceRuns--
          break
        }
        const b = q.peekB()
        q.drop()
        if (a === START) this.startGreenlet(b as Greenlet)
        else this.runCallback(a, b)
      }
    }
    if (q.size > 0 && !this.drainScheduled) this.scheduleDrain()
  }

  private startGreenlet(g: Greenlet): void {
    if (g._state !== Greenlet._SCHEDULED) return // killed before it ran
    g._state = Greenlet._RUNNING
    // enterWith instead of run(): no rest-args array per start; the pass runs outside
    // any greenlet, so restoring means clearing
    this.als.enterWith(g)
    try {
      runGreenletBody(g)
    } finally {
      this.als.enterWith(undefined as never)
    }
  }

  private runCallback(fn: (arg: never) => void, arg: unknown): void {
    // hub callbacks run outside whichever greenlet scheduled this pass (settling a waiter
    // needs no context, so only callbacks pay for this)
    if (this.als.getStore() !== undefined) this.als.enterWith(undefined as never)
    this.inCallback = true
    try {
      fn(arg as never)
    } catch (err) {
      this.handleError(err, null)
    } finally {
      this.inCallback = false
    }
  }

  /** True when nothing is queued to run (the virtual clock jumps only then). */
  readonly isIdle = (): boolean => this.ready.size === 0 && !this.drainScheduled

  // ---- timers ----

  /** Arms `entry` to fire `seconds` from now. */
  addTimer(entry: TimerEntry, seconds: number): void {
    entry.deadline = this.clock.now() + seconds
    entry.seq = ++this.seq
    this.timers.push(entry)
    if (entry.deadline < this.armedDeadline) this.arm(entry.deadline)
  }

  removeTimer(entry: TimerEntry): void {
    this.timers.remove(entry)
    // an empty heap must not leave a ref'd Node timer keeping the process alive
    if (this.timers.size === 0 && this.armed !== null) this.disarm()
  }

  private arm(deadline: number): void {
    if (this.armed !== null) this.clock.clearTimer(this.armed)
    this.armedDeadline = deadline
    this.armed = this.clock.setTimer(deadline - this.clock.now(), this.onTimer)
  }

  private disarm(): void {
    this.clock.clearTimer(this.armed)
    this.armed = null
    this.armedDeadline = Number.POSITIVE_INFINITY
  }

  private readonly onTimer = (): void => {
    this.armed = null
    this.armedDeadline = Number.POSITIVE_INFINITY
    if (this.als.getStore() !== undefined) this.als.enterWith(undefined as never)
    const now = this.clock.now()
    const timers = this.timers
    for (let e = timers.peek(); e !== undefined && e.deadline <= now; e = timers.peek()) {
      timers.remove(e)
      try {
        e.fire()
      } catch (err) {
        this.handleError(err, null)
      }
    }
    const next = timers.peek()
    if (next !== undefined && this.armed === null) this.arm(next.deadline)
  }

  /**
   * Swaps the clock, e.g. for a {@link VirtualClock} in tests.
   * @throws Error while timers are armed (their deadlines belong to the old clock).
   */
  useClock(clock: Clock): void {
    if (this.timers.size > 0) {
      throw new Error(
        `Cannot change the clock while ${this.timers.size} timer(s) are armed; call useClock() before anything sleeps`,
      )
    }
    this.clock = clock
    clock.attach?.(this.isIdle)
  }

  // ---- live greenlets ----

  _addLive(g: Greenlet): void {
    g._liveNext = this.liveHead
    g._livePrev = null
    if (this.liveHead !== null) this.liveHead._livePrev = g
    this.liveHead = g
    this.liveCount++
    this.spawnedCount++
  }

  _removeLive(g: Greenlet): void {
    if (g._livePrev !== null) g._livePrev._liveNext = g._liveNext
    else if (this.liveHead === g) this.liveHead = g._liveNext
    else return
    if (g._liveNext !== null) g._liveNext._livePrev = g._livePrev
    g._livePrev = g._liveNext = null
    this.liveCount--
  }

  /** Live greenlets, most recently started first. */
  *liveGreenlets(): Generator<Greenlet> {
    for (let g = this.liveHead; g !== null; g = g._liveNext) yield g
  }

  /** Counters for dashboards and tests. */
  stats(): HubStats {
    return {
      live: this.liveCount,
      spawned: this.spawnedCount,
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
    const root = this.root
    for (const g of [root, ...this.liveGreenlets()]) {
      const waitingOn = g._waitLabels()
      if (g === root && waitingOn.length === 0) continue
      const state =
        waitingOn.length > 0
          ? 'waiting'
          : g._state === Greenlet._SCHEDULED
            ? 'scheduled'
            : 'running'
      const row: GreenletInfo = { name: g.name, state, waitingOn }
      if (g._spawnSite !== undefined) row.spawnedAt = g._spawnSite
      rows.push(row)
    }
    return rows
  }

  // ---- exit ----

  /**
   * Node is about to exit although greenlets still wait: nothing can wake them. Raise
   * LoopExit into the main greenlet's waits (as gevent does); if main waits on
   * nothing, into the blocked greenlets', each at most once, so none hangs silently.
   */
  private readonly onBeforeExit = (): void => {
    let victims = this.root._waitHead !== null ? [this.root] : []
    if (victims.length === 0) {
      victims = [...this.liveGreenlets()].filter((g) => g._waitHead !== null && !g._sawLoopExit)
    }
    for (const g of victims) {
      g._sawLoopExit = g !== this.root
      for (let w = g._waitHead; w !== null; ) {
        const next = w.gNext
        this.fail(w, new LoopExit(w.label))
        w = next
      }
    }
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
      this.removeTimer(e)
    }
  }
}

function defaultHandleError(error: unknown, context: Greenlet | null): void {
  const detail = error instanceof Error ? (error.stack ?? String(error)) : String(error)
  const name = error instanceof Error ? error.name : typeof error
  const who = context === null ? 'hub callback' : `<Greenlet "${context.name}">`
  process.stderr.write(`${detail}\n${new Date().toISOString()} ${who} failed with ${name}\n\n`)
}

/**
 * The hub of this thread, created on first use. One per thread even when two copies of
 * Strand are loaded (it lives on `globalThis` under a `Symbol.for` key); a second copy
 * is warned about, since two libraries would then share one scheduler.
 *
 * @example
 * ```ts
 * import { getHub } from '@strand/core'
 *
 * getHub().clock.now() // seconds on the hub's clock
 * ```
 */
export function getHub(): Hub {
  return (theHub ??= findOrCreateHub())
}

let theHub: Hub | undefined

function findOrCreateHub(): Hub {
  const existing = (globalThis as Record<symbol, unknown>)[HUB_KEY]
  if (existing !== undefined) {
    if (existing instanceof Hub) return existing
    warnSecondCopy()
    return existing as Hub
  }
  const hub = new Hub()
  ;(globalThis as Record<symbol, unknown>)[HUB_KEY] = hub
  return hub
}

let warned = false
function warnSecondCopy(): void {
  if (warned) return
  warned = true
  process.emitWarning(
    'Two copies of @strand/core are loaded; they share one hub. Deduplicate @strand/core (npm dedupe) to avoid subtle mismatches.',
    { code: 'STRAND_DUPLICATE_CORE' },
  )
}

import {
  type Greenlet,
  Hub,
  type HubOptions,
  LoopExit,
  StrandError,
  type TraceEvent,
} from '@strand/core'
import { currentGreenlet, installHub } from '@strand/core/internal'
import { buildReport } from '../deadlock-report.js'
import { RealIOError, TooManySteps } from '../errors.js'
import { describeIO, IOWatch } from './io-watch.js'
import { type Namer, realNames } from './names.js'
import type { RunClock } from './run-clock.js'

/** How one run is set up. */
export interface RunSetup {
  clock: RunClock
  shuffle?: ((n: number) => number) | undefined
  jitter?: ((seconds: number) => number) | undefined
  trace: (event: TraceEvent) => void
  /** Names in the deadlock report. */
  names?: Namer | undefined
  /** Stop a run after this many steps (explore), counted by `steps()`. */
  maxSteps?: number | undefined
  steps?: (() => number) | undefined
  /** Told when `fn` has settled (or the run was stopped), and when left-over greenlets are killed. */
  note?: ((text: string) => void) | undefined
}

/** How a run ended: its value, or the first thing that went wrong. */
export type RunOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown }

/** Virtual seconds the greenlets left over at the end get to finish their `finally` blocks. */
const GRACE = 10
const FOREIGN_HINT =
  'main awaits a promise Strand cannot see: if a real setTimeout or an outside event settles it, virtual time cannot wait for it (use sleep(), or run on the real clock)'

/** Real milliseconds a stuck run is given while some real timer is pending. */
const REAL_TIMER_GRACE_MS = 25
/** Event-loop turns the clean-up waits for them at most. */
const CLEANUP_TURNS = 1000

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Throws when a run would start inside a greenlet: its awaits would belong to that greenlet's hub. */
export function checkOutsideGreenlets(what: string): void {
  if (currentGreenlet() !== null) {
    throw new StrandError(
      'ERR_RUN_IN_GREENLET',
      `${what}() runs the program on a hub of its own: call it from your test, outside any greenlet`,
    )
  }
}

/**
 * Runs `fn` on a fresh hub with `setup.clock`, as the main greenlet of that hub, and
 * watches it: a run whose greenlets all block with nothing left to wake them gets
 * LoopExit (with the deadlock report), as a process would at exit; one that waits on
 * real I/O fails with RealIOError; one that never ends fails with TooManySteps.
 * Greenlets still alive when `fn` settles are killed. A greenlet error nobody retrieved
 * fails the run. The thread's hub is back in place when the promise settles.
 */
export async function runOnFreshHub<T>(
  fn: (clock: RunClock) => T | PromiseLike<T>,
  setup: RunSetup,
): Promise<RunOutcome<T>> {
  const { clock } = setup
  const names = setup.names ?? realNames
  const options: HubOptions = { clock, trace: setup.trace }
  if (setup.shuffle !== undefined) options.shuffle = setup.shuffle
  if (setup.jitter !== undefined) options.jitter = setup.jitter
  const hub = new Hub(options)
  const failures: unknown[] = []
  hub.handleError = (error) => void failures.push(error)
  const stuckReason = (): string | undefined =>
    clock.autojump
      ? undefined
      : `the clock stands still (autojump: false; ${hub.stats().timers} timer(s) armed, nobody calls clock.advance()) and nothing else is ready`
  hub.explainLoopExit = () => buildReport(hub, names, stuckReason()).text
  const io = new IOWatch()
  clock.guard = () => {
    const pending = io.pending().io
    return pending.length > 0 ? new RealIOError(pending, describeIO(pending)) : null
  }
  const restore = installHub(hub)
  const watch = new Watchdog(hub, clock, io, setup)
  try {
    const body = settle(fn, clock)
    const outcome = await Promise.race([body, watch.verdict])
    if (setup.note !== undefined) {
      const how = outcome.ok
        ? 'main returns'
        : `${watch.decided ? 'the run is stopped' : 'main fails'}: ${describeError(outcome.error)}`
      setup.note(how)
    }
    await cleanUp(hub, clock, setup.note)
    // a greenlet's own error is usually the root cause of whatever main saw after it
    if (failures.length > 0) return { ok: false, error: failures[0] }
    return outcome
  } finally {
    watch.stop()
    clock.close()
    restore()
    hub.dispose()
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const first = error.message.split('\n', 1)[0] ?? ''
  return first === '' ? error.name : `${error.name}: ${first}`
}

function settle<T>(
  fn: (clock: RunClock) => T | PromiseLike<T>,
  clock: RunClock,
): Promise<RunOutcome<T>> {
  try {
    return Promise.resolve(fn(clock)).then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error }),
    )
  } catch (error) {
    return Promise.resolve({ ok: false, error })
  }
}

/** Kills what is left and gives it a little (virtual) time to run its `finally` blocks. */
async function cleanUp(hub: Hub, clock: RunClock, note?: (text: string) => void): Promise<void> {
  const left: Greenlet[] = [...hub.liveGreenlets()]
  if (left.length === 0) return
  note?.(`the run is over: killing the ${left.length} greenlet(s) left`)
  for (const g of left) void g.kill()
  const until = clock.now() + GRACE
  // look between turns only: inside this reaction, the kills' wake-ups are not queued yet
  for (let i = 0; i < CLEANUP_TURNS && left.some((g) => !g.dead); i++) {
    await turn()
    if (hub.isIdle() && (hub.stats().timers === 0 || !clock.moving || clock.now() > until)) break
  }
}

/**
 * Looks at the hub once per event-loop turn. When nothing is ready, no timer can fire
 * and nothing outside Strand is pending, the program is stuck for good: it gets
 * LoopExit, as at a process exit.
 */
class Watchdog {
  readonly verdict: Promise<{ ok: false; error: unknown }>
  private decide!: (error: unknown) => void
  /** True once the watchdog stopped the run itself (real I/O, too many steps, stuck). */
  decided = false
  private stuckTurns = 0
  /** performance.now() when the run was first seen stuck while some real timer was pending */
  private stuckSince = -1
  private immediate: NodeJS.Immediate | null = null
  private timeout: NodeJS.Timeout | null = null
  private stopped = false

  constructor(
    private readonly hub: Hub,
    private readonly clock: RunClock,
    private readonly io: IOWatch,
    private readonly setup: RunSetup,
  ) {
    this.verdict = new Promise((resolve) => {
      this.decide = (error) => resolve({ ok: false, error })
    })
    this.immediate = setImmediate(this.check)
  }

  stop(): void {
    this.stopped = true
    // each kind of handle to its own clear function: crossing them corrupts Node's lists
    if (this.immediate !== null) clearImmediate(this.immediate)
    if (this.timeout !== null) clearTimeout(this.timeout)
    this.immediate = this.timeout = null
  }

  private readonly check = (): void => {
    this.immediate = this.timeout = null
    if (this.stopped) return
    const error = this.look()
    if (error !== null) {
      this.decided = true
      this.decide(error)
      return
    }
    // while a real timer is pending, poll gently (unref'd, so it does not count itself)
    if (this.waitingOnRealTimer) this.timeout = setTimeout(this.check, 1).unref()
    else this.immediate = setImmediate(this.check)
  }

  private waitingOnRealTimer = false

  private look(): unknown {
    const { hub, clock, setup } = this
    if (clock.refused !== null) return clock.refused
    const max = setup.maxSteps
    if (max !== undefined && setup.steps !== undefined && setup.steps() > max) {
      return new TooManySteps(max)
    }
    this.waitingOnRealTimer = false
    if (!hub.isIdle() || (hub.stats().timers > 0 && clock.moving)) {
      this.stuckTurns = 0
      this.stuckSince = -1
      return null
    }
    const pending = this.io.pending()
    if (pending.io.length > 0) return new RealIOError(pending.io, describeIO(pending.io))
    if (pending.timers > 0) {
      this.waitingOnRealTimer = true
      this.stuckTurns = 0
      return null
    }
    // A real timer started by the program can hide behind one of the test runner's that
    // ended meanwhile (only counts are known): while any is pending, stay quiet a little.
    if (pending.anyTimer) {
      if (this.stuckSince < 0) this.stuckSince = performance.now()
      if (performance.now() - this.stuckSince < REAL_TIMER_GRACE_MS) {
        this.waitingOnRealTimer = true
        return null
      }
    }
    // two quiet turns in a row: no promise chain is still settling
    if (++this.stuckTurns < 2) return null
    this.stuckTurns = 0
    this.stuckSince = -1
    if (hub.raiseLoopExit() > 0) return null
    // nothing Strand knows waits: main awaits a promise nobody will settle
    const report = hub.explainLoopExit?.()
    return new LoopExit('a promise Strand does not control', `${report}\n${FOREIGN_HINT}`)
  }
}

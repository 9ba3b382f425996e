import type { VirtualClock } from '@strand/core'
import {
  checkCount,
  checkFunction,
  checkOptions,
  checkSeconds,
  describe,
} from '@strand/core/internal'
import { RaceFound, RealIOError } from './errors.js'
import { Prng, randomSeed, runSeed } from './internal/prng.js'
import { checkOutsideGreenlets, runOnFreshHub } from './internal/run.js'
import { RunClock } from './internal/run-clock.js'
import { TraceRecorder } from './internal/trace-recorder.js'

/** What `explore` varies between runs: what a real program cannot rely on. */
export interface PerturbOptions {
  /**
   * Most seconds added to every timer's delay, drawn at random per timer (default
   * `0.01`): a `sleep(0.005)` standing for a database call takes 5–15 ms. Stands in for
   * I/O and network latency; `0` turns it off.
   */
  timers?: number | undefined
  /**
   * Run what is ready in the same turn in a random order (default `false`). Strand
   * itself wakes greenlets first come, first served; turn this on for code that should
   * not depend on that order.
   */
  readyOrder?: boolean | undefined
}

/** Options of {@link explore}. */
export interface ExploreOptions {
  /** How many runs (default 100). */
  runs?: number | undefined
  /** Where the runs' seeds come from (default: a random one, reported in the result and in errors). */
  seed?: number | undefined
  /** Run just the run with this seed (from a {@link RaceFound}), nothing else. */
  replay?: number | undefined
  /** What to vary (default `{ timers: 0.01 }`); `false` runs today's schedule unchanged. */
  perturb?: PerturbOptions | false | undefined
  /** A run taking more steps than this fails with {@link TooManySteps} (default 200 000). */
  maxSteps?: number | undefined
}

/** What `explore` did when no run failed. */
export interface ExploreReport {
  /** Runs made, all passed. */
  readonly runs: number
  /** The seed the runs' seeds came from. */
  readonly seed: number
  /** Distinct schedules among them (the same interleaving counts once, whatever the times). */
  readonly schedules: number
  /** The perturbation used. */
  readonly perturb: { readonly timers: number; readonly readyOrder: boolean }
}

const DEFAULT_RUNS = 100
const DEFAULT_JITTER = 0.01
const DEFAULT_MAX_STEPS = 200_000

function checkSeed(name: string, value: unknown): number | null {
  const seed = checkCount(name, value, 0)
  if (seed !== null && seed > 0xffffffff) {
    throw new RangeError(
      `Expected \`${name}\` to be an integer from 0 to 4294967295, got ${describe(value)}`,
    )
  }
  return seed
}

function checkPerturb(value: unknown): { timers: number; readyOrder: boolean } {
  if (value === false) return { timers: 0, readyOrder: false }
  checkOptions('perturb', value)
  const p = value as PerturbOptions | undefined
  const timers = p?.timers === undefined ? DEFAULT_JITTER : checkSeconds('timers', p.timers)
  if (timers === null) {
    throw new RangeError(
      `Expected \`timers\` to be a finite number of seconds, got ${describe(p?.timers)}`,
    )
  }
  const readyOrder = p?.readyOrder
  if (readyOrder !== undefined && typeof readyOrder !== 'boolean') {
    throw new TypeError(`Expected \`readyOrder\` to be a boolean, got ${describe(readyOrder)}`)
  }
  return { timers, readyOrder: readyOrder === true }
}

function replayCall(
  seed: number,
  perturb: { timers: number; readyOrder: boolean },
  maxSteps: number,
): string {
  const parts = [`replay: ${seed}`]
  if (perturb.timers !== DEFAULT_JITTER || perturb.readyOrder) {
    parts.push(
      `perturb: { timers: ${perturb.timers}${perturb.readyOrder ? ', readyOrder: true' : ''} }`,
    )
  }
  if (maxSteps !== DEFAULT_MAX_STEPS) parts.push(`maxSteps: ${maxSteps}`)
  return `explore(fn, { ${parts.join(', ')} })`
}

/**
 * Runs `fn` many times, each on a fresh hub and virtual clock, each with its own seeded
 * perturbation of what a real program cannot rely on: timer deadlines jittered (a
 * stand-in for I/O and network latency) and, if you ask, the order in which greenlets
 * made ready in the same turn run. On the first run that fails — `fn` throws (an
 * assertion), a greenlet dies with an error nobody retrieved, or everything blocks
 * (LoopExit, with its deadlock report) — it rejects with {@link RaceFound}, carrying the
 * run's seed and a readable trace of the switches that led there. `explore(fn, {
 * replay: seed })` runs exactly that schedule again. With `perturb: false` every run is
 * today's deterministic schedule.
 *
 * Nothing in `fn` may do real I/O (it fails with {@link RealIOError}: a replay could
 * not reproduce it); create the primitives inside `fn`, so each run starts fresh.
 *
 * @throws TypeError/RangeError synchronously for bad arguments; StrandError
 * `ERR_RUN_IN_GREENLET` when called inside a greenlet.
 * @example
 * ```ts
 * import { joinAll, sleep, spawn } from '@strand/core'
 * import { explore } from '@strand/testing'
 *
 * // a lost update: read, await (a 5 ms "database call"), write back
 * await explore(async () => {
 *   let balance = 0
 *   const deposit = async () => {
 *     const seen = balance
 *     await sleep(0.005)
 *     balance = seen + 1
 *   }
 *   const first = spawn(deposit)
 *   await sleep(0.008) // the second request comes a little later…
 *   await joinAll([first, spawn(deposit)])
 *   if (balance !== 2) throw new Error(`lost an update: balance ${balance}`)
 * }, { seed: 1 })
 * // => RaceFound: Run 1 of 100 failed (seed 39170614): Error: lost an update: balance 1
 * ```
 */
export function explore(
  fn: (clock: VirtualClock) => unknown,
  opts?: ExploreOptions,
): Promise<ExploreReport> {
  checkFunction('fn', fn)
  checkOptions('opts', opts)
  const replay = checkSeed('replay', opts?.replay)
  const seed = checkSeed('seed', opts?.seed) ?? randomSeed()
  const runs = replay !== null ? 1 : (checkCount('runs', opts?.runs, 1) ?? DEFAULT_RUNS)
  const maxSteps = checkCount('maxSteps', opts?.maxSteps, 1) ?? DEFAULT_MAX_STEPS
  const perturb = checkPerturb(opts?.perturb)
  checkOutsideGreenlets('explore')
  return exploreRuns(fn, { replay, seed, runs, maxSteps, perturb })
}

interface Plan {
  replay: number | null
  seed: number
  runs: number
  maxSteps: number
  perturb: { timers: number; readyOrder: boolean }
}

async function exploreRuns(
  fn: (clock: VirtualClock) => unknown,
  plan: Plan,
): Promise<ExploreReport> {
  const { replay, seed, runs, maxSteps, perturb } = plan
  const schedules = new Set<number>()
  for (let run = 1; run <= runs; run++) {
    const thisSeed = replay ?? runSeed(seed, run - 1)
    const rng = new Prng(thisSeed)
    const clock = new RunClock(0)
    const recorder = new TraceRecorder(() => clock.now())
    const outcome = await runOnFreshHub(fn, {
      clock,
      shuffle: perturb.readyOrder ? (n) => rng.below(n) : undefined,
      jitter: perturb.timers > 0 ? () => rng.next() * perturb.timers : undefined,
      trace: recorder.onEvent,
      names: recorder.names,
      maxSteps,
      steps: () => recorder.steps,
      note: (text) => recorder.note(text),
    })
    schedules.add(recorder.fingerprint)
    if (!outcome.ok) {
      // not a schedule's fault: every run would do it
      if (outcome.error instanceof RealIOError) throw outcome.error
      throw new RaceFound({
        seed: thisSeed,
        run,
        runs,
        trace: recorder.lines(),
        cause: outcome.error,
        replay: replayCall(thisSeed, perturb, maxSteps),
      })
    }
  }
  return { runs, seed, schedules: schedules.size, perturb }
}

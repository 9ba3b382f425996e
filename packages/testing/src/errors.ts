import { StrandError } from '@strand/core'

/** How many trace lines a {@link RaceFound} message shows (the whole trace is in `trace`). */
const SHOWN_STEPS = 40

function firstLines(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`
  return String(error)
}

/** What a failing run of `explore` knew; see {@link RaceFound}. */
export interface RaceFoundInfo {
  /** The run's own seed: `explore(fn, { replay: seed })` runs exactly this schedule again. */
  seed: number
  /** 1-based number of the failing run. */
  run: number
  /** Runs that were asked for. */
  runs: number
  /** The readable trace of the run's switches, one step a line. */
  trace: string[]
  /** What failed: the thrown error, the unobserved greenlet error, the LoopExit. */
  cause: unknown
  /** The `explore(fn, …)` call that replays it, for the message. */
  replay: string
}

/**
 * Thrown by `explore` for the first run that fails: your program threw (an assertion),
 * a greenlet died with an error nobody retrieved, or everything blocked (a `LoopExit`
 * with its deadlock report). It carries the run's `seed`, which `explore(fn, { replay:
 * seed })` turns into exactly the same schedule again, the `trace` of the switches that
 * led there, and the `cause`.
 *
 * @example
 * ```ts
 * import { RaceFound, explore } from '@strand/testing'
 *
 * try {
 *   await explore(program, { runs: 200, seed: 1 })
 * } catch (err) {
 *   if (!(err instanceof RaceFound)) throw err
 *   console.log(err.seed, err.trace.at(-1), err.cause)
 *   await explore(program, { replay: err.seed }) // fails the same way, same trace
 * }
 * ```
 */
export class RaceFound extends StrandError {
  readonly seed: number
  readonly run: number
  readonly runs: number
  readonly trace: string[]
  declare readonly cause: unknown

  constructor(info: RaceFoundInfo) {
    const shown = info.trace.slice(-SHOWN_STEPS)
    const all = info.trace.length
    const which =
      shown.length < all
        ? `The last ${shown.length} of its ${all} steps:`
        : all === 1
          ? 'Its only step:'
          : `Its ${all} steps:`
    super(
      'ERR_RACE_FOUND',
      [
        `Run ${info.run} of ${info.runs} failed (seed ${info.seed}): ${firstLines(info.cause)}`,
        `Replay it with ${info.replay}`,
        which,
        ...shown.map((line) => `  ${line}`),
      ].join('\n'),
      { cause: info.cause },
    )
    this.seed = info.seed
    this.run = info.run
    this.runs = info.runs
    this.trace = info.trace
  }
}

/**
 * The program waits on real I/O (a socket, a file, a DNS lookup, a child process) while
 * it runs on virtual time. Virtual time covers Strand's own waits only: the clock would
 * jump past the I/O, so timeouts fire early and replays differ. Run that test on the
 * real clock, or replace the I/O by an in-memory fake (a Queue, an AsyncResult).
 *
 * @example
 * ```ts
 * import { RealIOError, withVirtualTime } from '@strand/testing'
 *
 * await withVirtualTime(() => fetch('http://127.0.0.1:8080/'))
 * // => RealIOError: The program waits on real I/O (1 TCPSocketWrap) under virtual time…
 * ```
 */
export class RealIOError extends StrandError {
  /** The kinds of handle that were pending, one entry per handle (`TCPSocketWrap`, …). */
  readonly resources: string[]

  constructor(resources: string[], summary: string) {
    super(
      'ERR_REAL_IO',
      `The program waits on real I/O (${summary}) under virtual time. Virtual time covers Strand's waits only (sleep, Timeout, timeout options): the clock would jump past the I/O. Run this test on the real clock, or replace the I/O by an in-memory fake (a Queue, an AsyncResult).`,
    )
    this.resources = resources
  }
}

/**
 * A run of `explore` took more steps than `maxSteps`: a loop that never ends on virtual
 * time (a livelock, or a `while (true) await sleep(1)` nobody stops). It is the `cause`
 * of the {@link RaceFound} for that run.
 *
 * @example
 * ```ts
 * import { TooManySteps } from '@strand/testing'
 *
 * new TooManySteps(1000).code // => 'ERR_TOO_MANY_STEPS'
 * ```
 */
export class TooManySteps extends StrandError {
  constructor(readonly maxSteps: number) {
    super(
      'ERR_TOO_MANY_STEPS',
      `The run took more than ${maxSteps} steps without ending: a loop that never stops on virtual time (a livelock?). Stop its greenlets, or raise maxSteps.`,
    )
  }
}

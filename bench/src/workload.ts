/**
 * One benchmark workload, run against several implementations ("peers") of the same job.
 *
 * Each file in `src/workloads/` exports `workload: Workload`. The runner (`src/main.ts`)
 * runs every (workload, peer) pair in a fresh Node process (`src/run-one.ts`), repeating
 * the pairs of one workload interleaved (run 1 of every peer, run 2 of every peer, …), and
 * prints one table with the median and the best run of each pair.
 */
export interface Workload {
  /** Short id shown in the table and accepted on the command line, e.g. "W1". */
  id: string
  /** What is measured, in a few words. */
  title: string
  /** What the number means: "greenlets/s", "items/s", "bytes/greenlet", "CPU µs/greenlet". */
  unit: string
  /**
   * `throughput`: ops per second, higher is better. `memory` and `time`: a number the
   * peer returns (bytes, microseconds, …), lower is better.
   */
  kind: 'throughput' | 'memory' | 'time'
  /** Operations per run (for throughput, ops/s = n / seconds). */
  n: number
  /** A peer's own `n` instead of the workload's (a scale workload: one peer per size). */
  sizes?: Record<string, number>
  /**
   * The peer the `adv.` column and the goals speak for (default `strand`: the variant
   * written the way users write it, never a tuned one).
   */
  subject?: string
  /** A peer to print every other peer's extra cost per op against, in ns (throughput only). */
  baseline?: string
  /** The target from the issue, printed beside the result, e.g. "≥ 1.5× effect". */
  target?: string
  /**
   * The target in a form the runner can check (optional): every goal must hold, on the
   * medians, for the table to print "met". See {@link Goal}.
   */
  goals?: Goal[]
  /** Extra Node flags for this workload's child processes, e.g. `['--max-old-space-size=4096']`. */
  nodeArgs?: string[]
  /** Per-pair time limit in seconds (default 60, or env BENCH_TIMEOUT). */
  timeLimit?: number
  /**
   * Starts what every peer of this workload shares (a server, say) in the runner, once,
   * before its pairs: `env` is passed to their processes and `stop()` runs after them.
   * Resolve to `{ skip: reason }` to skip the workload (its rows say why).
   */
  setup?: () => Promise<Shared | { skip: string }>
  /**
   * Implementations. A throughput peer is timed around the whole call unless it returns a
   * {@link Measurement} with `seconds` (it timed only the part that matters). A memory or
   * time peer returns the measured value (a number or a Measurement with `value`).
   */
  peers: Record<string, (n: number) => Promise<PeerResult>>
}

/** What a workload's {@link Workload.setup} started for its peers. */
export interface Shared {
  env: Record<string, string>
  stop(): Promise<void>
}

/** What a peer may return. */
export type PeerResult = number | undefined | void | Measurement

/** A peer's own measurement, for workloads that time or measure only part of the run. */
export interface Measurement {
  /** Throughput: seconds the timed part took (ops/s = n / seconds). */
  seconds?: number
  /** Memory or time: the measured value in the workload's unit. */
  value?: number
  /**
   * Secondary numbers shown in the notes column, e.g. `{ RSS: 1700 }`. A key starting
   * with `RSS` or holding a `B` word is shown as bytes, one ending in ` µs` as a time;
   * goals can check them by `metric`.
   */
  extra?: Record<string, number>
}

/**
 * A checkable target, checked on the medians. `{ peer: 'effect', ratio: 1.5 }`: the
 * subject is at least 1.5× better than effect (throughput: subject ÷ effect ≥ 1.5;
 * memory and time: effect ÷ subject ≥ 1.5, so "≤ 0.9× effect" is `ratio: 1 / 0.9`).
 * `{ peer: 'raw', margin: 8192 }`: the subject is at most 8192 units worse than raw
 * (memory, time: subject − raw ≤ 8192; throughput: raw − subject ≤ 8192).
 * `{ value: 2048 }`: the subject's own result is at least (throughput) or at most
 * (memory, time) 2048. `metric` checks an extra number (e.g. `'RSS'`) instead of the
 * result, in the same direction; `of` checks another peer than the workload's subject.
 */
export type Goal = (
  | { peer: string; ratio: number }
  | { peer: string; margin: number }
  | { value: number }
) & {
  metric?: string
  of?: string
}

/**
 * One benchmark workload, run against several implementations ("peers") of the same job.
 *
 * Each file in `src/workloads/` exports `workload: Workload`. The runner (`src/main.ts`)
 * runs every (workload, peer) pair in a fresh Node process (`src/run-one.ts`), so no peer
 * pays for another's state (AsyncLocalStorage hooks, heap, JIT), and prints one table.
 */
export interface Workload {
  /** Short id shown in the table and accepted on the command line, e.g. "W1". */
  id: string
  /** What is measured, in a few words. */
  title: string
  /** What a higher (throughput) or lower (memory) number means: "greenlets/s", "items/s", "bytes/greenlet". */
  unit: string
  /** Throughput: ops per second, higher is better; memory: a number the peer returns, lower is better. */
  kind: 'throughput' | 'memory'
  /** Operations per run (for throughput, ops/s = n / seconds). */
  n: number
  /** The target from the issue, printed beside the result, e.g. "≥ 1.5× effect". */
  target?: string
  /**
   * The target in a form the runner can check (optional): every goal must hold for the
   * table to print "met". See {@link Goal}.
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
   * {@link Measurement} with `seconds` (it timed only the part that matters). A memory
   * peer returns the measured value (a number or a Measurement with `value`).
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
  /** Memory: the measured value in the workload's unit. */
  value?: number
  /** Secondary numbers shown in the notes column, e.g. `{ 'rss B/greenlet': 1700 }` (those of the best run). */
  extra?: Record<string, number>
}

/**
 * A checkable target. `{ peer: 'effect', ratio: 1.5 }`: strand is at least 1.5× better
 * than effect (throughput: strand ÷ effect ≥ 1.5; memory: effect ÷ strand ≥ 1.5).
 * `{ peer: 'raw', margin: 8192 }`: strand is at most 8192 units worse than raw
 * (memory: strand − raw ≤ 8192; throughput: raw − strand ≤ 8192).
 * `{ value: 2048 }`: strand's own result is at least (throughput) or at most (memory) 2048.
 */
export type Goal =
  | { peer: string; ratio: number }
  | { peer: string; margin: number }
  | { value: number }

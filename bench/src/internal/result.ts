/** One (workload, peer) result: the JSON line run-one prints and latest.json stores. */
export interface PairResult {
  id: string
  peer: string
  /** The statistic shown: the best of `runs` (max ops/s for throughput, min for memory). */
  value: number
  /** Every measured run, in order (the warm-up excluded). */
  runs: number[]
  /** The peer's secondary numbers (best of the runs, as `value`), if it reported any. */
  extra?: Record<string, number>
}

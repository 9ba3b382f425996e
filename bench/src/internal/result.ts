/** One (workload, peer) result: the JSON line run-one prints and latest.json stores. */
export interface PairResult {
  id: string
  peer: string
  /** The statistic shown: the median of `runs` (ops/s for throughput, the unit for memory). */
  value: number
  /** Every measured run, in order (the warm-up excluded). */
  runs: number[]
  /** Medians of the peer's secondary numbers, if it reported any. */
  extra?: Record<string, number>
}

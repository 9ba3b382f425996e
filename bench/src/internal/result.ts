/** One process's result for a (workload, peer) pair: the JSON line run-one prints. */
export interface PairResult {
  id: string
  peer: string
  /** The `n` the peer ran with (the workload's, or the peer's own size, times BENCH_SCALE). */
  n: number
  /** Every measured run of this process, in order (the warm-up excluded). */
  runs: number[]
  /** The peer's secondary numbers, one per measured run, by name. */
  extra?: Record<string, number[]>
}

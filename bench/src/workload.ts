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
  /** Implementations. For `memory` workloads the function returns the measured value. */
  peers: Record<string, (n: number) => Promise<number | undefined> | Promise<void>>
}

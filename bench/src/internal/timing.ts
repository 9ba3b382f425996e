/**
 * The clock throughput runs are timed with: `wall` (default, performance.now()) or `cpu`
 * (env BENCH_CLOCK=cpu: this process's user + system CPU time, all threads). On a loaded
 * machine a process waits for a core, which wall time counts and CPU time does not. Only
 * for workloads that never sit idle (no timers to wait for): all the throughput ones.
 */
export const clock: 'wall' | 'cpu' = readClock()

function readClock(): 'wall' | 'cpu' {
  const raw = process.env.BENCH_CLOCK ?? 'wall'
  if (raw !== 'wall' && raw !== 'cpu')
    throw new RangeError(`Expected env BENCH_CLOCK to be \`wall\` or \`cpu\`, got \`${raw}\``)
  return raw
}

/** A reading of the bench clock in milliseconds (pass it to {@link since}). */
export function now(): number {
  if (clock === 'wall') return performance.now()
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/** Seconds on the bench clock since `start` (a {@link now} reading). */
export function since(start: number): number {
  return (now() - start) / 1000
}

import type { Measurement } from '../workload.js'

/**
 * Runs `work` and returns its cost per item: CPU microseconds (user + system, all of the
 * process's threads, so the GC's helpers count) as the value, and wall microseconds and
 * RSS in the notes. CPU time leaves out the time a run only waits (its timers, its
 * timeouts), which at small sizes would swamp the wall time, and counts little of what
 * other processes on a busy machine do. `work` returns the RSS it saw at its fullest
 * (e.g. while every greenlet is parked).
 */
export async function costPerItem(
  items: number,
  work: () => Promise<number>,
): Promise<Measurement> {
  const rssBefore = process.memoryUsage.rss() // the runner collected garbage just before
  const cpu = process.cpuUsage()
  const start = performance.now()
  const rssFull = await work()
  const wallMicros = (performance.now() - start) * 1000
  const used = process.cpuUsage(cpu)
  return {
    value: (used.user + used.system) / items,
    extra: {
      'wall µs': wallMicros / items,
      'RSS/item': Math.max(0, rssFull - rssBefore) / items,
      'RSS at full': rssFull,
    },
  }
}

/** Full garbage collection when Node runs with --expose-gc (the runner always passes it). */
export function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc
  if (collect === undefined) throw new Error('Run with node --expose-gc (the bench runner does)')
  collect()
  collect()
}

/** Heap and resident-set sizes after a full collection. */
export function snapshot(): { heap: number; rss: number } {
  gc()
  const m = process.memoryUsage()
  return { heap: m.heapUsed, rss: m.rss }
}

/** Bytes per item between two snapshots, for a memory workload's Measurement. */
export function perItem(
  before: { heap: number; rss: number },
  after: { heap: number; rss: number },
  n: number,
): { value: number; extra: Record<string, number> } {
  return {
    value: (after.heap - before.heap) / n,
    extra: { RSS: (after.rss - before.rss) / n },
  }
}

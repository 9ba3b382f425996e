/** The middle value (mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Half the range as a fraction of the median: a rough "±" for a handful of runs. */
export function spread(values: readonly number[]): number {
  if (values.length < 2) return 0
  const m = median(values)
  return m === 0 ? 0 : (Math.max(...values) - Math.min(...values)) / 2 / m
}

/** Throughput: higher is better; memory and time: lower is better. */
export function lowerIsBetter(kind: 'throughput' | 'memory' | 'time'): boolean {
  return kind !== 'throughput'
}

/** The best run: the highest throughput, or the lowest memory or time. */
export function best(kind: 'throughput' | 'memory' | 'time', values: readonly number[]): number {
  return lowerIsBetter(kind) ? Math.min(...values) : Math.max(...values)
}

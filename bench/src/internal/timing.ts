/** Seconds since `start` (a `performance.now()` reading). */
export function since(start: number): number {
  return (performance.now() - start) / 1000
}

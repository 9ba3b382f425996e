/** Seconds since `t0` (a performance.now() value). */
export function since(t0: number): number {
  return (performance.now() - t0) / 1000
}

/** True when `p` settles within one microtask turn, i.e. it was already settled. */
export async function settledAtOnce(p: Promise<unknown>): Promise<boolean> {
  let settled = false
  p.then(
    () => {
      settled = true
    },
    () => {
      settled = true
    },
  )
  await Promise.resolve()
  await Promise.resolve()
  return settled
}

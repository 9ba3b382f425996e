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

/** mulberry32: a tiny seeded PRNG, floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

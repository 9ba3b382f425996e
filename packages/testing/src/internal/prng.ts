/**
 * A small seeded generator (mulberry32): the same seed gives the same sequence on every
 * machine, which is all the explorer needs to replay a run. Not for cryptography.
 */
export class Prng {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n)
  }
}

/**
 * The seed of run `index` of an exploration started with `seed`: spread out, so that
 * the runs of seed 1 and seed 2 do not overlap, and a single number a run can be
 * replayed from.
 */
export function runSeed(seed: number, index: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) + Math.imul(index + 1, 0x85ebca77)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d)
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b)
  return (h ^ (h >>> 16)) >>> 0
}

/** A seed when you gave none. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 4294967296) >>> 0
}

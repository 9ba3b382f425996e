/**
 * A small seeded PRNG (mulberry32) so "random" demos print the same story on every run,
 * with Python's `random.randint` / `random.uniform` / `random.choice` on top. The same
 * seed always gives the same sequence; the seed is taken as an unsigned 32-bit integer.
 *
 * @example
 * import { Random } from '@strand/demo-kit'
 * const random = new Random(42)
 * random.randint(1, 6) === new Random(42).randint(1, 6) // => true
 */
export class Random {
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

  /** An integer in [a, b], both ends included (Python's `randint`). */
  randint(a: number, b: number): number {
    return a + Math.floor(this.next() * (b - a + 1))
  }

  /** A float in [a, b) (Python's `uniform`). */
  uniform(a: number, b: number): number {
    return a + this.next() * (b - a)
  }

  /** One element of `items` (Python's `choice`). */
  choice<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T
  }
}

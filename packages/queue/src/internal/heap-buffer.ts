import type { ItemBuffer } from './buffers.js'

/**
 * The default order of a {@link PriorityQueue}: `<` for numbers, strings and bigints;
 * arrays element by element, like Python tuples (so `[priority, payload]` pairs work);
 * anything else ties (and ties keep insertion order).
 */
export function defaultCompare(a: unknown, b: unknown): number {
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length)
    for (let i = 0; i < n; i++) {
      const c = defaultCompare(a[i], b[i])
      if (c !== 0) return c
    }
    return a.length - b.length
  }
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0
}

/**
 * A binary min-heap in two parallel arrays (items, insertion sequence numbers), so a
 * push allocates nothing per item. Equal items come out in insertion order: the
 * sequence number breaks ties, which makes the queue stable.
 */
export class HeapBuffer<T> implements ItemBuffer<T> {
  private readonly items: T[] = []
  private readonly seqs: number[] = []
  private seq = 0

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get length(): number {
    return this.items.length
  }

  push(item: T): void {
    const items = this.items
    const seqs = this.seqs
    const seq = this.seq++
    let i = items.length
    items.push(item)
    seqs.push(seq)
    // sift up: move parents down into the hole until the new item's place is found
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.before(item, seq, items[parent] as T, seqs[parent] as number)) break
      items[i] = items[parent] as T
      seqs[i] = seqs[parent] as number
      i = parent
    }
    items[i] = item
    seqs[i] = seq
  }

  take(): T {
    const items = this.items
    const seqs = this.seqs
    const top = items[0] as T
    const last = items.pop() as T
    const lastSeq = seqs.pop() as number
    const n = items.length
    if (n > 0) {
      // sift down: move the smaller child up into the hole until `last` fits
      let i = 0
      for (;;) {
        let child = 2 * i + 1
        if (child >= n) break
        const right = child + 1
        if (
          right < n &&
          this.before(
            items[right] as T,
            seqs[right] as number,
            items[child] as T,
            seqs[child] as number,
          )
        ) {
          child = right
        }
        if (!this.before(items[child] as T, seqs[child] as number, last, lastSeq)) break
        items[i] = items[child] as T
        seqs[i] = seqs[child] as number
        i = child
      }
      items[i] = last
      seqs[i] = lastSeq
    }
    return top
  }

  peek(): T {
    return this.items[0] as T
  }

  clear(): void {
    this.items.length = 0
    this.seqs.length = 0
  }

  private before(a: T, seqA: number, b: T, seqB: number): boolean {
    const c = this.compare(a, b)
    return c < 0 || (c === 0 && seqA < seqB)
  }
}

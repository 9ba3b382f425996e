import type { ItemBuffer } from './buffers.js'

/**
 * The default order of a {@link PriorityQueue}: `<` for numbers, strings, bigints,
 * booleans and Dates; arrays element by element, like Python tuples (so `[priority,
 * payload]` pairs work as long as the payloads of equal priorities can be ordered too).
 * Anything else cannot be ordered by default — two objects, `null`, a number against a
 * string — and throws a TypeError that says to pass `compare`, as Python's heapq does;
 * it never silently mis-orders.
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
  const kind = orderable(a)
  if (kind === null || kind !== orderable(b)) throw cannotOrder(a, b)
  const x = kind === 'date' ? (a as Date).getTime() : (a as number)
  const y = kind === 'date' ? (b as Date).getTime() : (b as number)
  return x < y ? -1 : x > y ? 1 : 0
}

function orderable(v: unknown): string | null {
  const t = typeof v
  if (t === 'number' || t === 'string' || t === 'bigint' || t === 'boolean') return t
  if (v instanceof Date) return 'date'
  return null
}

function cannotOrder(a: unknown, b: unknown): TypeError {
  const show = (v: unknown): string =>
    v === null ? 'null' : Array.isArray(v) ? 'array' : v instanceof Date ? 'Date' : typeof v
  return new TypeError(
    `PriorityQueue cannot order ${show(a)} and ${show(b)} items by default; pass \`compare\`, e.g. new PriorityQueue({ compare: (a, b) => a.priority - b.priority })`,
  )
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
    // find the new item's place first (compare may throw: then nothing has moved) …
    let at = items.length
    while (at > 0) {
      const parent = (at - 1) >> 1
      if (!this.before(item, seq, items[parent] as T, seqs[parent] as number)) break
      at = parent
    }
    // … then move the parents on its path down one level each
    let i = items.length
    items.push(item)
    seqs.push(seq)
    while (i > at) {
      const parent = (i - 1) >> 1
      items[i] = items[parent] as T
      seqs[i] = seqs[parent] as number
      i = parent
    }
    items[at] = item
    seqs[at] = seq
  }

  take(): T {
    const items = this.items
    const seqs = this.seqs
    const top = items[0] as T
    const n = items.length - 1 // after the last item moves into the root's place
    const last = items[n] as T
    const lastSeq = seqs[n] as number
    // find where `last` lands first (compare may throw: then nothing has moved) …
    const path: number[] = []
    for (let i = 0; ; ) {
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
      path.push(child)
      i = child
    }
    // … then move the smaller children on its path up one level each
    items.pop()
    seqs.pop()
    if (n > 0) {
      let hole = 0
      for (const child of path) {
        items[hole] = items[child] as T
        seqs[hole] = seqs[child] as number
        hole = child
      }
      items[hole] = last
      seqs[hole] = lastSeq
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

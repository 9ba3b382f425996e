/**
 * A FIFO of (a, b) pairs in one growable ring buffer: O(1) push and shift with no
 * allocation per entry, which is what the hub's ready queue needs on its hot path.
 */
export class PairRing<A, B> {
  private buf: unknown[] = new Array(64)
  private head = 0
  private tail = 0
  private mask = 63

  get size(): number {
    return ((this.tail - this.head) & this.mask) >>> 1
  }

  push(a: A, b: B): void {
    const buf = this.buf
    buf[this.tail] = a
    buf[this.tail + 1] = b
    this.tail = (this.tail + 2) & this.mask
    if (this.tail === this.head) this.grow()
  }

  /** First element of the oldest pair; call only when size > 0. */
  peekA(): A {
    return this.buf[this.head] as A
  }

  peekB(): B {
    return this.buf[this.head + 1] as B
  }

  /** Drops the oldest pair (after peeking it). */
  drop(): void {
    const buf = this.buf
    buf[this.head] = undefined
    buf[this.head + 1] = undefined
    this.head = (this.head + 2) & this.mask
  }

  private grow(): void {
    const old = this.buf
    const n = old.length
    const next = new Array(n * 2)
    // head === tail here: copy head..end, then 0..head, so the oldest pair comes first
    let j = 0
    for (let i = this.head; i < n; i++) next[j++] = old[i]
    for (let i = 0; i < this.head; i++) next[j++] = old[i]
    this.buf = next
    this.head = 0
    this.tail = n
    this.mask = n * 2 - 1
  }
}

/**
 * A FIFO deque of single values in a growable ring buffer: amortised O(1) at both
 * ends, no `Array.shift`. Queues and pools use it for buffered items.
 */
export class Deque<T> {
  private buf: (T | undefined)[] = new Array(16)
  private head = 0
  private count = 0

  get length(): number {
    return this.count
  }

  push(value: T): void {
    if (this.count === this.buf.length) this.grow()
    this.buf[(this.head + this.count) & (this.buf.length - 1)] = value
    this.count++
  }

  unshift(value: T): void {
    if (this.count === this.buf.length) this.grow()
    this.head = (this.head - 1) & (this.buf.length - 1)
    this.buf[this.head] = value
    this.count++
  }

  shift(): T | undefined {
    if (this.count === 0) return undefined
    const value = this.buf[this.head]
    this.buf[this.head] = undefined
    this.head = (this.head + 1) & (this.buf.length - 1)
    this.count--
    return value
  }

  pop(): T | undefined {
    if (this.count === 0) return undefined
    const i = (this.head + this.count - 1) & (this.buf.length - 1)
    const value = this.buf[i]
    this.buf[i] = undefined
    this.count--
    return value
  }

  peekFirst(): T | undefined {
    return this.count === 0 ? undefined : this.buf[this.head]
  }

  peekLast(): T | undefined {
    return this.count === 0
      ? undefined
      : this.buf[(this.head + this.count - 1) & (this.buf.length - 1)]
  }

  clear(): void {
    this.buf = new Array(16)
    this.head = 0
    this.count = 0
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.count; i++)
      yield this.buf[(this.head + i) & (this.buf.length - 1)] as T
  }

  private grow(): void {
    const old = this.buf
    const next = new Array<T | undefined>(old.length * 2)
    for (let i = 0; i < this.count; i++) next[i] = old[(this.head + i) & (old.length - 1)]
    this.buf = next
    this.head = 0
  }
}

import { Deque } from '@strand/core/internal'

/**
 * Where a queue keeps its items. The queue classes differ only in this: the waiting,
 * hand-off and shutdown logic in `Queue` is shared. `take` and `peek` are called only
 * when `length > 0`.
 */
export interface ItemBuffer<T> {
  readonly length: number
  push(item: T): void
  take(): T
  peek(): T
  clear(): void
}

/** First in, first out: a ring buffer, O(1) at both ends (never `Array.shift`). */
export class FifoBuffer<T> extends Deque<T> implements ItemBuffer<T> {
  take(): T {
    return this.shift() as T
  }

  peek(): T {
    return this.peekFirst() as T
  }
}

/** Last in, first out: an array used as a stack. */
export class LifoBuffer<T> implements ItemBuffer<T> {
  private readonly items: T[] = []

  get length(): number {
    return this.items.length
  }

  push(item: T): void {
    this.items.push(item)
  }

  take(): T {
    return this.items.pop() as T
  }

  peek(): T {
    return this.items[this.items.length - 1] as T
  }

  clear(): void {
    this.items.length = 0
  }
}

import type { Queue } from '../queue.js'

/**
 * `for await` over a queue: each `next()` is one get that hands over an IteratorResult
 * directly. A hand-written iterator, not an async generator, so a thenable item is not
 * awaited a second time and no generator state is kept between items.
 */
export class QueueIterator<T> implements AsyncIterator<T> {
  private done = false

  constructor(private readonly queue: Queue<T>) {}

  next(): Promise<IteratorResult<T>> {
    if (this.done) return Promise.resolve({ value: undefined, done: true })
    return this.queue._next()
  }

  return(): Promise<IteratorResult<T>> {
    this.done = true
    return Promise.resolve({ value: undefined, done: true })
  }

  [Symbol.asyncIterator](): this {
    return this
  }
}

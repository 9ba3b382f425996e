import { ShutDown } from '../errors.js'
import type { Queue } from '../queue.js'

function toResult<T>(value: T): IteratorResult<T> {
  return { value, done: false }
}

function endOnShutDown(err: unknown): IteratorResult<never> {
  if (err instanceof ShutDown) return { value: undefined, done: true }
  throw err
}

/**
 * `for await` over a queue: each `next()` is one `get()`. A hand-written iterator, not
 * an async generator, so a thenable item is not awaited a second time and no generator
 * state is kept between items.
 */
export class QueueIterator<T> implements AsyncIterator<T> {
  private done = false

  constructor(private readonly queue: Queue<T>) {}

  next(): Promise<IteratorResult<T>> {
    if (this.done) return Promise.resolve({ value: undefined, done: true })
    // once shut down and drained, every later get() rejects with ShutDown again
    return this.queue.get().then(toResult<T>, endOnShutDown)
  }

  return(): Promise<IteratorResult<T>> {
    this.done = true
    return Promise.resolve({ value: undefined, done: true })
  }

  [Symbol.asyncIterator](): this {
    return this
  }
}

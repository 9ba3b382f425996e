import { LifoBuffer } from './internal/buffers.js'
import { Queue, type QueueOptions } from './queue.js'

/**
 * A queue that hands out the most recently added item first (a stack; gevent's
 * `LifoQueue`). Everything else — bounds, timeouts, blocked getters and putters served
 * in arrival order, shutdown — works as in {@link Queue}.
 *
 * @example
 * ```ts
 * import { LifoQueue } from '@strand/queue'
 *
 * const q = new LifoQueue<number>({ items: [1, 2, 3] })
 * q.getNowait() // => 3
 * q.getNowait() // => 2
 * ```
 */
export class LifoQueue<T> extends Queue<T> {
  /** Creates a LIFO queue; see {@link Queue} for `maxsize` and `items`. */
  constructor(opts?: QueueOptions<T>) {
    super(opts, new LifoBuffer<T>())
  }
}

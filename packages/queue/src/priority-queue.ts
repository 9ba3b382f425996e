import { checkFunction } from '@strand/core/internal'
import { defaultCompare, HeapBuffer } from './internal/heap-buffer.js'
import { Queue, type QueueOptions } from './queue.js'

/** Options of the {@link PriorityQueue} constructor. */
export interface PriorityQueueOptions<T> extends QueueOptions<T> {
  /**
   * Orders items, smallest first: negative when `a` comes before `b`, as for
   * `Array.prototype.sort`. Default: `<` for numbers, strings, bigints, booleans and
   * Dates, arrays element by element like Python tuples (`[priority, payload]`); items it
   * cannot order (objects, mixed kinds) throw a TypeError saying to pass `compare`.
   */
  compare?: ((a: T, b: T) => number) | undefined
}

/**
 * A queue that hands out the smallest item first (a binary heap; gevent's
 * `PriorityQueue`): O(log n) put and get. Items that compare equal come out in the
 * order they were put (the queue is stable). Everything else works as in {@link Queue}.
 * A put or get whose comparison throws changes nothing.
 *
 * @throws TypeError when `compare` is not a function; TypeError (synchronously, from
 * `put`/`putNowait`) for items the default order cannot compare (plus the {@link Queue} errors).
 * @example
 * ```ts
 * import { PriorityQueue } from '@strand/queue'
 *
 * const q = new PriorityQueue<[number, string]>()
 * q.putNowait([2, 'write docs'])
 * q.putNowait([1, 'fix bug'])
 * q.putNowait([2, 'review'])
 * q.getNowait() // => [1, 'fix bug']
 * q.getNowait() // => [2, 'review'] (tuples compare fully: 'review' < 'write docs')
 * q.getNowait() // => [2, 'write docs']
 *
 * const byDeadline = new PriorityQueue<{ due: number }>({ compare: (a, b) => a.due - b.due })
 * ```
 */
export class PriorityQueue<T> extends Queue<T> {
  /** Creates a priority queue; see {@link Queue} for `maxsize` and `items`. */
  constructor(opts?: PriorityQueueOptions<T>) {
    super(opts, heapFor(opts))
  }
}

function heapFor<T>(opts: PriorityQueueOptions<T> | undefined): HeapBuffer<T> {
  const compare = typeof opts === 'object' && opts !== null ? opts.compare : undefined
  if (compare !== undefined) checkFunction('compare', compare)
  return new HeapBuffer<T>(compare ?? defaultCompare)
}

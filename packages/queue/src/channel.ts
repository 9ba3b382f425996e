import { FifoBuffer } from './internal/buffers.js'
import { Queue } from './queue.js'

/**
 * A rendezvous point that holds no items (gevent's `Channel`): `put()` waits until a
 * getter takes its item, `get()` waits until a putter offers one. A put that finds a
 * getter already waiting hands the item over and returns at once (no switch), and so does
 * a get that finds a putter waiting. `qsize()` is always 0, and `empty()` and `full()`
 * are both always true.
 *
 * It shares {@link Queue}'s machinery with a capacity of 0 (`maxsize` is 0): FIFO
 * fairness on both sides, timeouts, `block: false`, `peek()` (the first waiting putter's
 * item), `shutdown()` and `for await`.
 *
 * @example
 * ```ts
 * import { Channel } from '@strand/queue'
 * import { spawn } from '@strand/core'
 *
 * const ch = new Channel<string>()
 * spawn(async () => {
 *   await ch.put('hi') // returns once a receiver has taken the item
 *   console.log('delivered')
 * })
 * console.log(await ch.get())
 * // => delivered (the get() was already waiting: put() handed 'hi' over and returned)
 * // => hi
 * ch.putNowait('x') // throws Full: nobody is waiting to take it
 * ```
 */
export class Channel<T> extends Queue<T> {
  /** Creates an empty channel. It takes no options: it never holds an item. */
  constructor() {
    super(undefined, new FifoBuffer<T>(), 0)
  }

  /** Waiting putters minus waiting getters (gevent's `balance`). */
  get balance(): number {
    return this.waitingPutters - this.waitingGetters
  }
}

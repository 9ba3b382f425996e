import { inspect } from 'node:util'
import { getHub, type Hub } from '@strand/core'
import {
  checkOptions,
  checkSeconds,
  Waiter,
  WaitList,
  type WaitOwner,
  waitingCount,
} from '@strand/core/internal'
import { Empty, Full, ShutDown } from './errors.js'
import { FifoBuffer, type ItemBuffer } from './internal/buffers.js'
import { QueueIterator } from './internal/queue-iterator.js'
import { checkItems, checkMaxsize } from './internal/validate.js'

/** Options of the {@link Queue} constructor. */
export interface QueueOptions<T> {
  /** Most items it holds; `null`, `undefined`, `0` or `Infinity`: unbounded. */
  maxsize?: number | null | undefined
  /** Initial contents (accepted even beyond `maxsize`). */
  items?: Iterable<T> | undefined
}

/** Options of `put()`, `get()` and `peek()`. */
export interface BlockOptions {
  /** `false`: fail at once instead of waiting. Default `true`. */
  block?: boolean | undefined
  /** Seconds to wait at most; `null`/`undefined`: no limit. Ignored with `block: false`. */
  timeout?: number | null | undefined
}

const RESOLVED: Promise<void> = Promise.resolve()
/** What `poll()` returns when there is nothing to take. */
const NONE: unique symbol = Symbol('none')
/** Marks a getter waiting for a `for await` loop (it takes an IteratorResult). */
const ITERATE = 1
const ITERATION_DONE: IteratorResult<never> = Object.freeze({ value: undefined, done: true })
const shutDownError = (w: Waiter): ShutDown => new ShutDown(w.label)

// Static owners (no closure per wait). When a wait's own timeout fires, the waiter is still
// pending and therefore holds nothing: failing it can lose no item.
const GET_OWNER: WaitOwner = {
  onTimeout: (w) => getHub().fail(w, new Empty(w.label, w.seconds)),
}
const PUT_OWNER: WaitOwner = {
  onTimeout: (w) => getHub().fail(w, new Full(w.label, w.seconds)),
}

/**
 * A first-in, first-out queue for greenlets, optionally bounded (gevent's `Queue`).
 * `get()` waits for an item, `put()` waits for room; both take a `timeout` and
 * `block: false`, and `kill()` or a `Timeout` interrupts them.
 *
 * Order and fairness: blocked getters are served in the order they arrived, and so are
 * blocked putters. An item put while a getter waits goes straight to the longest-waiting
 * getter; a get from a full queue moves the longest-waiting putter's item in at once.
 * Every decision is made synchronously, so an item is never lost or delivered twice —
 * also when a waiting getter is killed or times out at the moment an item arrives.
 * Nothing preempts: a put or get that need not wait returns an already settled promise,
 * and woken greenlets run only after you next wait.
 *
 * Items are delivered through promises, so a thenable item is adopted: wrap promises
 * (`{ promise }`) to queue them as values.
 *
 * @throws TypeError/RangeError (synchronously) for a bad `maxsize`, `items` or `timeout`.
 * @example
 * ```ts
 * import { Queue } from '@strand/queue'
 * import { spawn } from '@strand/core'
 *
 * const q = new Queue<number>({ maxsize: 2 })
 * spawn(async () => {
 *   for (let i = 0; i < 3; i++) await q.put(i)
 *   q.shutdown()
 * })
 * for await (const n of q) console.log(n)
 * // => 0, 1, 2
 * ```
 */
export class Queue<T> implements AsyncIterable<T> {
  /** @internal where the items are; the subclasses differ only in this */
  protected readonly _buffer: ItemBuffer<T>
  /** @internal the bound; `Infinity` when unbounded, `0` for a Channel */
  protected readonly _capacity: number
  /** @internal items accepted and not yet `taskDone()` (see JoinableQueue) */
  protected _unfinished = 0
  /** @internal */ protected _isShutdown = false
  /** @internal */ protected readonly _hub: Hub = getHub()
  // invariants (until shutdown): getters waiting => nothing buffered;
  // putters waiting => buffer full; peekers waiting => no next item at all
  private readonly _getters = new WaitList()
  private readonly _putters = new WaitList()
  private _peekers: WaitList | null = null
  private readonly _name: string
  private readonly _getLabel: string
  private readonly _putLabel: string

  constructor(opts?: QueueOptions<T>)
  /**
   * @internal A subclass hands in where it keeps the items (LIFO, heap) and, for a
   * Channel, a fixed capacity; the defaults are a FIFO ring and `opts.maxsize`.
   */
  constructor(opts: QueueOptions<T> | undefined, buffer: ItemBuffer<T>, capacity?: number)
  constructor(opts?: QueueOptions<T>, buffer?: ItemBuffer<T>, capacity?: number) {
    checkOptions('opts', opts)
    this._capacity = capacity ?? checkMaxsize(opts?.maxsize)
    checkItems(opts?.items)
    this._buffer = buffer ?? new FifoBuffer<T>()
    this._name = new.target.name
    this._getLabel = `${this._name}.get`
    this._putLabel = `${this._name}.put`
    if (opts?.items != null) for (const item of opts.items) this._buffer.push(item)
    this._unfinished = this._buffer.length
  }

  /** The bound given to the constructor, or `null` when unbounded. */
  get maxsize(): number | null {
    return this._capacity === Number.POSITIVE_INFINITY ? null : this._capacity
  }

  /** True once {@link Queue.shutdown} was called. */
  get isShutdown(): boolean {
    return this._isShutdown
  }

  /** How many greenlets wait in `get()` now. */
  get waitingGetters(): number {
    return this._getters.size
  }

  /** How many greenlets wait in `put()` now (their items are not counted by `qsize()`). */
  get waitingPutters(): number {
    return this._putters.size
  }

  /** How many items it holds now (not counting blocked putters' items). */
  qsize(): number {
    return this._buffer.length
  }

  /** True when it holds no item. */
  empty(): boolean {
    return this._buffer.length === 0
  }

  /** True when a `put()` would wait. An unbounded queue is never full. */
  full(): boolean {
    return this._buffer.length >= this._capacity
  }

  /**
   * Adds `item`, waiting for room if the queue is full. Returns a settled promise at once
   * when there is room or a getter waits (no switch). While you wait, your item is not in
   * the queue: if you are killed or time out, it is never added.
   * @throws Full on `timeout`, or at once with `block: false` (as a rejection);
   * ShutDown synchronously after shutdown() (putting then is a bug, not a wait); TypeError/
   * RangeError synchronously for bad options.
   * @example
   * ```ts
   * import { Queue } from '@strand/queue'
   *
   * const q = new Queue<string>({ maxsize: 1, items: ['first'] })
   * await q.put('job', { timeout: 1 }) // rejects with Full if still full after 1 s
   * ```
   */
  put(item: T, opts?: BlockOptions): Promise<void> {
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    if (this._isShutdown) throw new ShutDown(this._putLabel)
    if (this._offer(item)) return RESOLVED
    if (opts?.block === false) return Promise.reject(new Full(this._putLabel))
    const w = this._hub.park<void>(PUT_OWNER, this._putters, seconds, this._putLabel, item)
    if (!(w instanceof Waiter)) return w
    // a rendezvous putter is the next item: let peekers see it
    if (this._peekers !== null) this._wakePeekers(item)
    return w.promise
  }

  /**
   * Adds `item` without waiting.
   * @throws Full when there is no room (and, on a Channel, no getter waiting);
   * ShutDown after shutdown().
   */
  putNowait(item: T): void {
    if (this._isShutdown) throw new ShutDown(`${this._name}.putNowait`)
    if (!this._offer(item)) throw new Full(`${this._name}.putNowait`)
  }

  /**
   * Removes and returns the next item, waiting for one if it is empty. Returns a settled
   * promise at once when an item is there (no switch). Killed or timed out while you wait,
   * you get no item, and the next item goes to the next getter.
   * @throws Empty on `timeout`, or at once with `block: false`; ShutDown once a shut-down
   * queue is drained (both as a rejection); TypeError/RangeError synchronously for bad options.
   * @example
   * ```ts
   * import { Queue } from '@strand/queue'
   *
   * const q = new Queue<string>()
   * const job = await q.get({ timeout: 5 }) // rejects with Empty after 5 s without items
   * ```
   */
  get(opts?: BlockOptions): Promise<T> {
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    const item = this._poll()
    if (item !== NONE) return Promise.resolve(item)
    if (this._isShutdown) return Promise.reject(new ShutDown(this._getLabel))
    if (opts?.block === false) return Promise.reject(new Empty(this._getLabel))
    return this._hub.wait<T>(GET_OWNER, this._getters, seconds, this._getLabel)
  }

  /**
   * Removes and returns the next item without waiting.
   * @throws Empty when there is none; ShutDown when shut down and drained.
   */
  getNowait(): T {
    const item = this._poll()
    if (item !== NONE) return item
    if (this._isShutdown) throw new ShutDown(`${this._name}.getNowait`)
    throw new Empty(`${this._name}.getNowait`)
  }

  /**
   * Returns the next item without removing it (and without making room for a blocked
   * putter), waiting for one if it is empty. Several peekers all see the same item.
   * @throws Empty on `timeout` or with `block: false`; ShutDown when shut down and drained.
   */
  peek(opts?: BlockOptions): Promise<T> {
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    const item = this._peekItem()
    if (item !== NONE) return Promise.resolve(item)
    const label = `${this._name}.peek`
    if (this._isShutdown) return Promise.reject(new ShutDown(label))
    if (opts?.block === false) return Promise.reject(new Empty(label))
    return this._hub.wait<T>(GET_OWNER, (this._peekers ??= new WaitList()), seconds, label)
  }

  /**
   * Returns the next item without removing it and without waiting.
   * @throws Empty when there is none; ShutDown when shut down and drained.
   */
  peekNowait(): T {
    const item = this._peekItem()
    if (item !== NONE) return item
    if (this._isShutdown) throw new ShutDown(`${this._name}.peekNowait`)
    throw new Empty(`${this._name}.peekNowait`)
  }

  /**
   * Shuts the queue down (asyncio's semantics): from now on `put()` and `putNowait()`
   * throw {@link ShutDown}; `get()` keeps returning the items still there, then throws
   * ShutDown. Every greenlet blocked in `put()`, `get()` or `peek()` gets ShutDown now;
   * blocked putters' items are not added. With `immediate: true` the items still there
   * are dropped too (a JoinableQueue counts them as done, so `join()` returns).
   * Calling it again is harmless (and may escalate to `immediate`). Never switches.
   * @example
   * ```ts
   * import { Queue } from '@strand/queue'
   *
   * const q = new Queue<number>({ items: [1, 2] })
   * q.shutdown()
   * for await (const item of q) console.log(item) // drains, then the loop ends
   * // => 1
   * // => 2
   * ```
   */
  shutdown(opts?: { immediate?: boolean | undefined }): void {
    checkOptions('opts', opts)
    this._isShutdown = true
    if (opts?.immediate === true) {
      this._unfinished = Math.max(0, this._unfinished - this._buffer.length)
      this._buffer.clear()
    }
    const hub = this._hub
    hub.failAll(this._putters, shutDownError)
    // a `for await` loop ends quietly: its waiter gets the end of iteration, not ShutDown
    for (let w = this._getters.shift(); w !== null; w = this._getters.shift()) {
      if (w.data === ITERATE) hub.wake(w, ITERATION_DONE)
      else hub.fail(w, new ShutDown(w.label))
    }
    if (this._peekers !== null) hub.failAll(this._peekers, shutDownError)
  }

  /**
   * Yields items as `get()` returns them, until the queue is shut down and drained
   * (then the loop ends quietly). Other errors, such as a kill, propagate.
   */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    return new QueueIterator(this)
  }

  /**
   * @internal The iterator's `next()`: the IteratorResult comes straight from the hand-off
   * (no `.then` per item), and a drained shut-down queue ends the iteration.
   */
  _next(): Promise<IteratorResult<T>> {
    const item = this._poll()
    if (item !== NONE) return Promise.resolve({ value: item, done: false })
    if (this._isShutdown) return Promise.resolve(ITERATION_DONE)
    return this._hub.wait(GET_OWNER, this._getters, null, this._getLabel, ITERATE)
  }

  /** `Queue(maxsize 3, 2 items, 1 getter waiting)` in console.log and util.inspect. */
  [inspect.custom](): string {
    const parts = [this.maxsize === null ? 'unbounded' : `maxsize ${this.maxsize}`]
    parts.push(`${this._buffer.length} item${this._buffer.length === 1 ? '' : 's'}`)
    if (this._getters.size > 0) parts.push(waitingCount(this._getters.size, 'getter'))
    if (this._putters.size > 0) parts.push(waitingCount(this._putters.size, 'putter'))
    if (this._isShutdown) parts.push('shut down')
    return `${this._name}(${parts.join(', ')})`
  }

  /** Accepts `item` if a getter waits or there is room: the hand-off is decided right here. */
  private _offer(item: T): boolean {
    const getter = this._getters.head
    if (getter !== null) {
      if (this._peekers !== null) this._wakePeekers(item)
      this._unfinished++
      this._hub.wake(getter, getter.data === ITERATE ? { value: item, done: false } : item)
      return true
    }
    if (this._buffer.length < this._capacity) {
      if (this._peekers !== null) this._wakePeekers(item)
      this._unfinished++
      this._buffer.push(item)
      return true
    }
    return false
  }

  /** Takes the next item, refilling from the first blocked putter in the same step. */
  private _poll(): T | typeof NONE {
    const buffer = this._buffer
    const putter = this._putters.head
    if (buffer.length > 0) {
      const item = buffer.take()
      if (putter !== null && buffer.length < this._capacity) {
        this._unfinished++
        buffer.push(putter.data as T)
        this._hub.wake(putter)
      }
      return item
    }
    if (putter !== null) {
      // rendezvous (capacity 0): take the item straight from the putter
      this._unfinished++
      this._hub.wake(putter)
      return putter.data as T
    }
    return NONE
  }

  private _peekItem(): T | typeof NONE {
    if (this._buffer.length > 0) return this._buffer.peek()
    const putter = this._putters.head
    return putter !== null ? (putter.data as T) : NONE
  }

  private _wakePeekers(item: T): void {
    const peekers = this._peekers as WaitList
    this._hub.wakeAll(peekers, item)
  }
}

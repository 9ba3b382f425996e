import { getHub, sleep } from '@strand/core'
import { checkCount, checkOptions, checkSeconds, describe } from '@strand/core/internal'
import { type BlockOptions, Empty, Full, ShutDown } from '@strand/queue'
import { type DeadLetter, readDeadLetters } from './dead-letter.js'
import type { Delivery } from './delivery.js'
import { RedisQueueClosed } from './errors.js'
import { Engine, type EngineConfig } from './internal/engine.js'
import { checkQueueOptions, type RedisQueueOptions } from './internal/options.js'
import { QueueDelivery } from './internal/queue-delivery.js'
import type { RedisQueueStats } from './stats.js'

const GET = 'RedisQueue.get'
const PUT = 'RedisQueue.put'
const POLL_MIN = 0.005
const POLL_MAX = 0.1

/**
 * A queue shared by processes and machines, on a Redis Stream with a consumer group:
 * Strand's `JoinableQueue` surface (`put`, `get`, `taskDone`, `join`, `qsize`,
 * `shutdown`, `for await`, `{ block, timeout }`, Empty/Full/ShutDown) with a broker's
 * delivery rules. **At least once**: `get()` hands you a {@link Delivery}; until you
 * acknowledge it (`taskDone(d)` or `d.ack()`) it is yours for `visibilityTimeout`
 * seconds, then it goes to another consumer, with its delivery count raised; after
 * `maxDeliveries` deliveries it moves to the dead-letter stream `{name}:dead`. Nothing is
 * dropped silently. `get()` and `put()` are cooperative waits: kill and Timeout interrupt
 * them at once, and an item Redis handed to an interrupted `get()` goes to the next getter.
 *
 * @throws TypeError/RangeError (synchronously) for bad options.
 * @example
 * ```ts
 * import { RedisQueue } from '@strand/redis'
 *
 * await using jobs = await new RedisQueue<{ n: number }>({ url: 'redis://127.0.0.1:6379', name: 'jobs' }).connect()
 * await jobs.put({ n: 1 })
 * const d = await jobs.get({ timeout: 5 })
 * console.log(d.item.n, d.deliveries) // => 1 1
 * await jobs.taskDone(d)
 * await jobs.join() // => true: every item put was acknowledged
 * ```
 */
export class RedisQueue<T = unknown> implements AsyncIterable<Delivery<T>>, AsyncDisposable {
  /** The queue's name (its keys are `{name}`, `{name}:meta`, `{name}:dead`). */
  readonly name: string
  /** The consumer group. */
  readonly group: string
  /** This instance's consumer name in the group. */
  readonly consumer: string
  /** Most items waiting before `put()` waits, or null when unbounded. */
  readonly maxsize: number | null
  /** Seconds a delivery stays with its consumer before it goes to another. */
  readonly visibilityTimeout: number
  /** Deliveries before the dead-letter stream, or null for no limit. */
  readonly maxDeliveries: number | null
  readonly #engine: Engine<T>
  readonly #config: EngineConfig<T>
  #shutDown = false

  constructor(opts: RedisQueueOptions<T>) {
    const config = checkQueueOptions<T>(opts)
    this.#config = config
    this.#engine = new Engine(config)
    this.name = config.name
    this.group = config.group
    this.consumer = config.consumer
    this.maxsize = config.maxsize === 0 ? null : config.maxsize
    this.visibilityTimeout = config.visibilityMs / 1000
    this.maxDeliveries = config.maxDeliveries === 0 ? null : config.maxDeliveries
  }

  /**
   * Connects (every other method connects on first use too; call this to fail early).
   * @throws RedisUnreachable after `connectTimeout` seconds without Redis; RedisQueueClosed after close().
   */
  async connect(): Promise<this> {
    await this.#engine.connect('RedisQueue.connect')
    return this
  }

  /**
   * Adds `item` and resolves to its entry id. With `maxsize`, waits while that many items
   * wait for a consumer (across every process), checking again every few milliseconds
   * (up to 0.1 s). If you are interrupted while the command is on its way, the item may or
   * may not be in the queue; a put retried after a dropped connection may add it twice:
   * consumers must be idempotent anyway (at least once).
   * @throws Full on `timeout`, or at once with `block: false`; ShutDown once the queue is
   *   shut down (synchronously if this instance shut it down); TypeError/RangeError
   *   synchronously for bad options, and what the codec throws; RedisUnreachable.
   */
  put(item: T, opts?: BlockOptions): Promise<string> {
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    if (this.#shutDown) throw new ShutDown(PUT)
    const payload = this.#config.codec.encode(item)
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) {
      throw new TypeError(
        `Expected codec.encode() to return a string or Buffer, got ${describe(payload)}`,
      )
    }
    return this.#put(payload, opts?.block !== false, seconds)
  }

  async #put(payload: string | Buffer, block: boolean, seconds: number | null): Promise<string> {
    const engine = this.#engine
    await engine.connect(PUT)
    const clock = getHub().clock
    const deadline = seconds === null ? null : clock.now() + seconds
    for (let pause = POLL_MIN; ; pause = Math.min(pause * 2, POLL_MAX)) {
      const reply = await engine.put(payload)
      if (Buffer.isBuffer(reply)) return reply.toString('latin1')
      if (Number(reply) === -1) throw new ShutDown(PUT)
      if (!block) throw new Full(PUT)
      const left = deadline === null ? pause : deadline - clock.now()
      if (left <= 0) throw new Full(PUT, seconds)
      await sleep(Math.min(pause, left))
    }
  }

  /**
   * Takes the next item: an item whose visibility timeout passed first, else the oldest
   * new one. Waits for one if there is none; blocked getters of one RedisQueue are
   * served first come, first served, by one blocking read. Killed or timed out while you
   * wait, you get nothing, the blocking read stops at once if you were the last one
   * waiting, and an item that arrived just then goes to the next getter (or straight back
   * to Redis for any consumer).
   * @throws Empty on `timeout`, or at once with `block: false`; ShutDown once the queue
   *   is shut down and every item is acknowledged; RedisQueueClosed; RedisUnreachable;
   *   TypeError/RangeError synchronously for bad options.
   */
  get(opts?: BlockOptions): Promise<Delivery<T>> {
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    return this.#get(opts?.block !== false, seconds)
  }

  async #get(block: boolean, seconds: number | null): Promise<Delivery<T>> {
    const engine = this.#engine
    const clock = getHub().clock
    const started = clock.now()
    await engine.connect(GET)
    // Getters already waiting go first: join the line instead of racing them.
    if (engine.reader.waiting === 0) {
      const d = await engine.takeOne(GET)
      if (d === 'drained') throw new ShutDown(GET)
      if (d !== null) return d
    }
    if (!block) throw new Empty(GET)
    const left = seconds === null ? null : Math.max(0, seconds - (clock.now() - started))
    if (engine.closed) throw new RedisQueueClosed(GET)
    return engine.reader.park<Delivery<T>>(GET, left, seconds)
  }

  /**
   * Acknowledges `delivery` (the same as `delivery.ack()`): done, removed from Redis.
   * Resolves `true` when this call acknowledged it, `false` if it was no longer pending.
   * @throws TypeError for something that is not a delivery of this queue.
   */
  taskDone(delivery: Delivery<T>): Promise<boolean> {
    if (!(delivery instanceof QueueDelivery)) {
      throw new TypeError(
        `Expected \`delivery\` to be what get() returned, got ${describe(delivery)}`,
      )
    }
    return delivery.ack()
  }

  /**
   * Waits until every item put (by anyone) was acknowledged or dead-lettered, checking
   * every few milliseconds (up to 0.1 s). Resolves `true` then, `false` on `timeout`.
   */
  join(opts?: { timeout?: number | null | undefined }): Promise<boolean> {
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    return this.#join(seconds)
  }

  async #join(seconds: number | null): Promise<boolean> {
    const clock = getHub().clock
    const deadline = seconds === null ? null : clock.now() + seconds
    await this.#engine.connect('RedisQueue.join')
    for (let pause = POLL_MIN; ; pause = Math.min(pause * 2, POLL_MAX)) {
      const length = await this.#engine.command('RedisQueue.join', 'XLEN', this.#engine.keys.stream)
      if (Number(length) === 0) return true
      const left = deadline === null ? pause : deadline - clock.now()
      if (left <= 0) return false
      await sleep(Math.min(pause, left))
    }
  }

  /** How many items wait for a consumer now (not counting those delivered and not acknowledged). */
  async qsize(): Promise<number> {
    return (await this.stats()).waiting
  }

  /** The queue's numbers, over every process that uses it. */
  async stats(): Promise<RedisQueueStats> {
    await this.#engine.connect('RedisQueue.stats')
    const [length, pending, put, acked, dead, shut, deadLength] = await this.#engine.stats()
    return {
      waiting: length - pending,
      inFlight: pending,
      put,
      acknowledged: acked,
      dead,
      deadLetters: deadLength,
      shutDown: shut === 1,
    }
  }

  /** The first `count` (default 100) entries of the dead-letter stream `{name}:dead`, oldest first. */
  async deadLetters(opts?: { count?: number | undefined }): Promise<DeadLetter<T>[]> {
    checkOptions('opts', opts)
    const count = checkCount('count', opts?.count, 1) ?? 100
    await this.#engine.connect('RedisQueue.deadLetters')
    const reply = await this.#engine.readDead('RedisQueue.deadLetters', count)
    return readDeadLetters(reply, this.#config.codec)
  }

  /**
   * Shuts the queue down for every process: further puts fail with ShutDown; getters
   * drain what is left, and once every item is acknowledged they get ShutDown (a `for
   * await` loop ends). Blocked getters everywhere hear of it at once (on a Cluster,
   * within a second). It stays shut down in Redis until {@link RedisQueue.destroy}.
   */
  async shutdown(): Promise<void> {
    this.#shutDown = true
    await this.#engine.connect('RedisQueue.shutdown')
    await this.#engine.shutdown('RedisQueue.shutdown')
  }

  /** Deletes the queue from Redis: its items, dead letters, counters and shutdown flag. */
  async destroy(): Promise<void> {
    this.#shutDown = false
    await this.#engine.connect('RedisQueue.destroy')
    const k = this.#engine.keys
    await this.#engine.command('RedisQueue.destroy', 'DEL', k.stream, k.meta, k.dead)
  }

  /**
   * Closes this instance (not the queue): blocked getters get RedisQueueClosed, the
   * deliveries it holds unacknowledged go back to the queue at once for other consumers,
   * and its connections close (a `client` you passed stays open). Idempotent.
   */
  close(): Promise<void> {
    return this.#engine.close()
  }

  /** `await using q = …` closes it. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close()
  }

  /** Yields deliveries until the queue is shut down and drained; acknowledge each one. */
  async *[Symbol.asyncIterator](): AsyncIterator<Delivery<T>> {
    for (;;) {
      let d: Delivery<T>
      try {
        d = await this.get()
      } catch (err) {
        if (err instanceof ShutDown) return
        throw err
      }
      yield d
    }
  }
}

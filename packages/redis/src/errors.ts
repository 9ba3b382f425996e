import { StrandError } from '@strand/core'

function seconds(n: number): string {
  return n === 1 ? '1 second' : `${n} seconds`
}

/**
 * Raised when Redis stays out of reach for `connectTimeout` seconds: by `connect()`,
 * and by any operation while an outage lasts that long (a shorter outage is waited out,
 * and the operation goes on after the reconnect). The message names the address and the
 * last connection error.
 *
 * @example
 * ```ts
 * import { RedisQueue, RedisUnreachable } from '@strand/redis'
 *
 * const q = new RedisQueue({ url: 'redis://127.0.0.1:1', name: 'jobs', connectTimeout: 0.2 })
 * try {
 *   await q.connect()
 * } catch (err) {
 *   err instanceof RedisUnreachable // => true
 *   console.log(err.message)
 *   // => Cannot reach Redis at 127.0.0.1:1 for 0.2 seconds (connect ECONNREFUSED 127.0.0.1:1); …
 * }
 * ```
 */
export class RedisUnreachable extends StrandError {
  /** `host:port` (or the socket path) that could not be reached. */
  readonly address: string
  /** How long it was given, in seconds. */
  readonly seconds: number

  constructor(address: string, timeout: number, cause?: unknown) {
    const why = cause instanceof Error ? ` (${cause.message})` : ''
    super(
      'ERR_REDIS_UNREACHABLE',
      `Cannot reach Redis at ${address} for ${seconds(timeout)}${why}; check that redis-server runs there and the url is right, or raise connectTimeout`,
      { cause },
    )
    this.address = address
    this.seconds = timeout
  }
}

/**
 * Raised when Redis refuses a command of the queue (a wrong key type, a Redis too old
 * for Streams' XAUTOCLAIM, a script error). Its `cause` is the Redis reply error.
 *
 * @example
 * ```ts
 * import { RedisCommandError } from '@strand/redis'
 *
 * // after `SET {jobs} x` in redis-cli, the queue's stream key holds a string:
 * await q.put('job') // rejects with RedisCommandError: Redis at 127.0.0.1:6379 refused RedisQueue.put: WRONGTYPE …
 * ```
 */
export class RedisCommandError extends StrandError {
  constructor(operation: string, address: string, cause: unknown) {
    const message = cause instanceof Error ? cause.message : String(cause)
    super(
      'ERR_REDIS_COMMAND',
      `Redis at ${address} refused ${operation}: ${message}; check that nothing else writes the queue's keys and that Redis is 6.2 or newer`,
      { cause },
    )
  }
}

/**
 * Raised by operations on a {@link RedisQueue} after its `close()`, and into the
 * greenlets blocked in its `get()` when it closes. The queue itself lives on in Redis:
 * open a new RedisQueue on the same name to go on.
 *
 * @example
 * ```ts
 * import { RedisQueue, RedisQueueClosed } from '@strand/redis'
 *
 * const q = await new RedisQueue({ name: 'jobs' }).connect()
 * await q.close()
 * await q.put('late') // throws RedisQueueClosed
 * ```
 */
export class RedisQueueClosed extends StrandError {
  constructor(operation: string) {
    super(
      'ERR_REDIS_QUEUE_CLOSED',
      `${operation}() failed: this RedisQueue was closed; open a new RedisQueue on the same name to go on (the queue itself is still in Redis)`,
    )
  }
}

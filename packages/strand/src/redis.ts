/**
 * `strand/redis`: {@link RedisQueue}, Strand's queue across processes and machines on
 * Redis Streams, from `@strand/redis`. A subpath, not part of `strand` itself, because
 * it brings a Redis client (ioredis) that the core import should not.
 *
 * @example
 * ```ts
 * import { RedisQueue } from 'strand/redis'
 *
 * const jobs = await new RedisQueue<string>({ url: 'redis://127.0.0.1:6379', name: 'jobs' }).connect()
 * await jobs.put('hello')
 * const d = await jobs.get()
 * await d.ack()
 * ```
 * @module
 */
export {
  type BlockOptions,
  type Codec,
  type DeadLetter,
  type Delivery,
  Empty,
  Full,
  jsonCodec,
  type RedisClient,
  RedisCommandError,
  RedisQueue,
  RedisQueueClosed,
  type RedisQueueOptions,
  type RedisQueueStats,
  RedisUnreachable,
  ShutDown,
} from '@strand/redis'

import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { checkCount, checkSeconds, describe } from '@strand/core/internal'
import { Cluster, Redis } from 'ioredis'
import { type Codec, jsonCodec } from '../codec.js'
import type { RedisClient } from './connection.js'
import type { EngineConfig } from './engine.js'

/**
 * Options of the {@link RedisQueue} constructor (durations in seconds).
 *
 * @example
 * ```ts
 * import { RedisQueue, type RedisQueueOptions } from '@strand/redis'
 *
 * const opts: RedisQueueOptions<{ url: string }> = {
 *   url: 'redis://127.0.0.1:6379',
 *   name: 'crawl',
 *   maxsize: 1000, // put() waits while 1000 wait
 *   visibilityTimeout: 60, // a page may take a minute
 *   maxDeliveries: 3,
 * }
 * const q = new RedisQueue(opts)
 * ```
 */
export interface RedisQueueOptions<T> {
  /** The queue's name; its keys are `{name}`, `{name}:meta` and `{name}:dead`. */
  name: string
  /** Where Redis is (default `redis://127.0.0.1:6379`). Give this or `client`. */
  url?: string | undefined
  /**
   * An ioredis client (`Redis` or `Cluster`) to send the queue's commands on; it stays
   * yours (close() leaves it open). Blocking reads use a duplicate of it.
   */
  client?: RedisClient | undefined
  /** The consumer group (default `strand`). Every RedisQueue on one name must use the same. */
  group?: string | undefined
  /** This consumer's name in the group (default `<host>:<pid>:<random>`, unique per instance). */
  consumer?: string | undefined
  /** Most items waiting for a consumer before `put()` waits; null/0/Infinity: unbounded. */
  maxsize?: number | null | undefined
  /** Seconds a delivery stays yours before it goes to another consumer (default 30). */
  visibilityTimeout?: number | undefined
  /** Deliveries before an item goes to the dead-letter stream (default 5; null: no limit). */
  maxDeliveries?: number | null | undefined
  /** How items are stored (default JSON). */
  codec?: Codec<T> | undefined
  /** Seconds an outage may last before operations fail with RedisUnreachable (default 10). */
  connectTimeout?: number | undefined
}

const DEFAULT_URL = 'redis://127.0.0.1:6379'

function checkName(name: string, value: unknown, braces: boolean): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`Expected \`${name}\` to be a non-empty string, got ${describe(value)}`)
  }
  if (braces && /[{}]/.test(value)) {
    throw new RangeError(
      `Expected \`${name}\` without \`{\` or \`}\` (it becomes the keys' hash tag), got ${describe(value)}`,
    )
  }
  return value
}

function checkPositiveSeconds(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback
  const seconds = checkSeconds(name, value)
  if (seconds === null || seconds <= 0) {
    throw new RangeError(
      `Expected \`${name}\` to be a number of seconds above 0, got ${describe(value)}`,
    )
  }
  return seconds
}

function checkCodec<T>(value: unknown): Codec<T> {
  if (value === undefined) return jsonCodec as Codec<T>
  const codec = value as Partial<Codec<T>> | null
  if (
    typeof codec !== 'object' ||
    codec === null ||
    typeof codec.encode !== 'function' ||
    typeof codec.decode !== 'function'
  ) {
    throw new TypeError(
      `Expected \`codec\` to be an object with encode() and decode() functions, got ${describe(value)}`,
    )
  }
  return codec as Codec<T>
}

/** Validates the constructor's options into an {@link EngineConfig}. @throws TypeError/RangeError */
export function checkQueueOptions<T>(opts: unknown): EngineConfig<T> {
  if (typeof opts !== 'object' || opts === null) {
    throw new TypeError(
      `Expected \`opts\` to be an options object with a \`name\`, got ${describe(opts)}`,
    )
  }
  const o = opts as RedisQueueOptions<T>
  const name = checkName('name', o.name, true)
  if (o.url !== undefined && o.client !== undefined) {
    throw new TypeError('Expected `url` or `client`, not both')
  }
  if (o.client !== undefined && !(o.client instanceof Redis || o.client instanceof Cluster)) {
    throw new TypeError(
      `Expected \`client\` to be an ioredis Redis or Cluster, got ${describe(o.client)}`,
    )
  }
  const url = o.url === undefined ? DEFAULT_URL : checkName('url', o.url, false)
  const maxsize =
    o.maxsize === Number.POSITIVE_INFINITY ? 0 : (checkCount('maxsize', o.maxsize) ?? 0)
  const maxDeliveries = checkCount(
    'maxDeliveries',
    o.maxDeliveries === undefined ? 5 : o.maxDeliveries,
    1,
  )
  return {
    source: o.client === undefined ? { url } : { client: o.client },
    name,
    group: o.group === undefined ? 'strand' : checkName('group', o.group, false),
    consumer:
      o.consumer === undefined
        ? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`
        : checkName('consumer', o.consumer, false),
    maxsize,
    visibilityMs: Math.ceil(
      checkPositiveSeconds('visibilityTimeout', o.visibilityTimeout, 30) * 1000,
    ),
    maxDeliveries: maxDeliveries ?? 0,
    codec: checkCodec<T>(o.codec),
    connectTimeout: checkPositiveSeconds('connectTimeout', o.connectTimeout, 10),
  }
}

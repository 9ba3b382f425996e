/**
 * How a {@link RedisQueue} turns items into the bytes stored in Redis and back. The
 * default, {@link jsonCodec}, is JSON: plain objects, arrays, strings, numbers, booleans
 * and null survive the trip (Dates become strings, `undefined` fields disappear, class
 * instances lose their prototype).
 *
 * @example
 * ```ts
 * import { type Codec, RedisQueue } from '@strand/redis'
 *
 * // raw bytes, no JSON
 * const bytes: Codec<Buffer> = { encode: (b) => b, decode: (b) => b }
 * const q = new RedisQueue<Buffer>({ name: 'blobs', codec: bytes })
 * ```
 */
export interface Codec<T> {
  /** The stored form of `value`. It may throw: `put()` then rejects with that error. */
  encode(value: T): string | Buffer
  /**
   * The item stored as `data`. If it throws, the entry cannot be delivered: it goes to the
   * dead-letter stream (reason `decode: <message>`) instead of being dropped.
   */
  decode(data: Buffer): T
}

/**
 * The default {@link Codec}: `JSON.stringify` / `JSON.parse` (UTF-8).
 *
 * @throws TypeError from `encode` for a value JSON cannot represent (`undefined`, a function, a symbol).
 * @example
 * ```ts
 * import { jsonCodec } from '@strand/redis'
 *
 * jsonCodec.decode(Buffer.from(jsonCodec.encode({ n: 1 }))) // => { n: 1 }
 * ```
 */
export const jsonCodec: Codec<unknown> = {
  encode(value) {
    const text = JSON.stringify(value)
    if (text === undefined) {
      throw new TypeError(
        `Expected an item JSON can represent, got \`${String(value)}\` (${typeof value}); pass a codec for other values`,
      )
    }
    return text
  },
  decode(data) {
    return JSON.parse(data.toString('utf8'))
  },
}

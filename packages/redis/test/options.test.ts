import { describe, expect, it } from 'vitest'
import { RedisQueue } from '../src/index.js'

describe('new RedisQueue(opts)', () => {
  it('fills in the defaults', async () => {
    const q = new RedisQueue({ name: 'jobs' })
    expect(q).toMatchObject({
      name: 'jobs',
      group: 'strand',
      maxsize: null,
      visibilityTimeout: 30,
      maxDeliveries: 5,
    })
    expect(q.consumer).toMatch(new RegExp(`:${process.pid}:[0-9a-f]{8}$`))
    expect(new RedisQueue({ name: 'jobs' }).consumer).not.toBe(q.consumer)
    await q.close()
  })

  it('throws TypeError or RangeError at once for bad options, naming them', () => {
    const make = (opts: unknown) => () => new RedisQueue(opts as never)
    expect(make(undefined)).toThrow(TypeError)
    expect(make({ name: '' })).toThrow('Expected `name` to be a non-empty string, got `` (string)')
    expect(make({ name: 'a{b}' })).toThrow(RangeError)
    expect(make({ name: 'a', maxsize: -1 })).toThrow(
      'Expected `maxsize` to be an integer from 0 and up, got `-1` (number)',
    )
    expect(make({ name: 'a', maxsize: 1.5 })).toThrow(RangeError)
    expect(make({ name: 'a', visibilityTimeout: 0 })).toThrow(
      'Expected `visibilityTimeout` to be a number of seconds above 0, got `0` (number)',
    )
    expect(make({ name: 'a', connectTimeout: Number.NaN })).toThrow(RangeError)
    expect(make({ name: 'a', maxDeliveries: 0 })).toThrow(RangeError)
    expect(make({ name: 'a', codec: { encode: () => '' } })).toThrow(/codec/)
    expect(make({ name: 'a', client: {} })).toThrow(
      'Expected `client` to be an ioredis Redis or Cluster',
    )
    expect(make({ name: 'a', url: 'redis://x', client: {} })).toThrow('not both')
  })

  it('accepts unbounded and unlimited forms', async () => {
    const q = new RedisQueue({ name: 'a', maxsize: Number.POSITIVE_INFINITY, maxDeliveries: null })
    expect([q.maxsize, q.maxDeliveries]).toEqual([null, null])
    await q.close()
  })

  it('checks put() and get() options synchronously', async () => {
    const q = new RedisQueue<number>({ name: 'a', url: 'redis://127.0.0.1:1' })
    expect(() => q.get({ timeout: -1 })).toThrow(RangeError)
    expect(() => q.put(1, { timeout: 'soon' as never })).toThrow(TypeError)
    expect(() => q.put(undefined as never)).toThrow(/JSON cannot represent|JSON can represent/)
    expect(() => q.taskDone({} as never)).toThrow(TypeError)
    await q.close()
  })
})

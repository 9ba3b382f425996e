import { GreenletExit, sleep, spawn, Timeout } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { Empty, Full, RedisQueueClosed } from '../src/index.js'
import {
  blockedClients,
  eventually,
  hasRedisServer,
  NO_REDIS_SERVER,
  useRedis,
} from './helpers/setup.js'

const title = `RedisQueue waits${hasRedisServer ? '' : ` (skipped: ${NO_REDIS_SERVER})`}`

describe.skipIf(!hasRedisServer)(title, () => {
  const redis = useRedis()
  // The default visibilityTimeout (30 s) makes the reader block for 1 s at a time: a
  // blocked read that ends within 0.5 s was stopped, not left to run out.
  const unblocked = () => eventually(async () => (await blockedClients(redis.server)) === 0, 0.5)

  describe('a blocked get()', () => {
    it('is interrupted at once by kill(), and its blocking read stops', async () => {
      const q = redis.queue()
      const getter = spawn(() => q.get())
      expect(await eventually(async () => (await blockedClients(redis.server)) === 1)).toBe(true)
      const t0 = performance.now()
      await getter.kill()
      expect(performance.now() - t0).toBeLessThan(100)
      expect(getter.value).toBeInstanceOf(GreenletExit)
      expect(await unblocked()).toBe(true)
    })

    it('is interrupted by a Timeout of its greenlet, with that Timeout', async () => {
      const q = redis.queue()
      const getter = spawn(async () => {
        using _t = Timeout.startNew(0.1)
        return await q.get()
      })
      const err = await getter.get().catch((e: unknown) => e)
      expect(err).toBeInstanceOf(Timeout)
      expect(await unblocked()).toBe(true)
    })

    it('rejects with Empty after its own timeout, and its blocking read stops', async () => {
      const q = redis.queue()
      await expect(q.get({ timeout: 0.1 })).rejects.toBeInstanceOf(Empty)
      expect(await unblocked()).toBe(true)
    })

    it('keeps reading for the getters still waiting when one of them leaves', async () => {
      const q = redis.queue<string>()
      const leaving = spawn(() => q.get())
      const staying = spawn(() => q.get({ timeout: 5 }))
      await sleep(0.05)
      await leaving.kill()
      await q.put('for the one who stayed')
      expect((await staying.get()).item).toBe('for the one who stayed')
    })

    it('loses no item that arrives as its getter is killed: the next getter gets it at once', async () => {
      // visibilityTimeout 30 s: only a give-back, not a redelivery, can be this fast
      const q = redis.queue<number>()
      const next = redis.queue<number>({ name: q.name })
      for (let i = 0; i < 20; i++) {
        const getter = spawn(() => q.get())
        await sleep(0.01 + (i % 4) * 0.005)
        await q.put(i)
        void getter.kill() // Redis may have handed the item to the getter's read already
        await getter.join()
        const got = getter.dead && getter.successful() && !(getter.value instanceof GreenletExit)
        const d = got
          ? (getter.value as Awaited<ReturnType<typeof q.get>>)
          : await next.get({ timeout: 2 })
        expect(d.item).toBe(i)
        expect(d.deliveries).toBe(1) // a delivery nobody saw does not count
        await d.ack()
      }
      expect(await q.stats()).toMatchObject({ waiting: 0, inFlight: 0, acknowledged: 20 })
    })

    it('loses no item when killed while its first, non-blocking read is on its way', async () => {
      const q = redis.queue<string>()
      await q.connect()
      await q.put('in flight')
      const getter = spawn(() => q.get())
      await sleep(0) // the getter has sent its read, the reply is not back yet
      await getter.kill()
      const d = await q.get({ timeout: 2 })
      expect([d.item, d.deliveries]).toEqual(['in flight', 1])
      await d.ack()
    })

    it('rejects with RedisQueueClosed when the queue is closed before it connected', async () => {
      const q = redis.queue()
      const getter = spawn(() => q.get())
      await sleep(0) // the getter waits for the connection
      const t0 = performance.now()
      await q.close()
      await expect(getter.get()).rejects.toBeInstanceOf(RedisQueueClosed)
      expect(performance.now() - t0).toBeLessThan(1000)
    })

    it('rejects with RedisQueueClosed when the queue is closed', async () => {
      const q = redis.queue()
      const getter = spawn(() => q.get())
      await sleep(0.05)
      await q.close()
      await expect(getter.get()).rejects.toBeInstanceOf(RedisQueueClosed)
      expect(await unblocked()).toBe(true)
    })
  })

  describe('put() with maxsize', () => {
    it('waits while maxsize items wait for a consumer, and resumes once one is taken', async () => {
      const producer = redis.queue<number>({ maxsize: 2 })
      const consumer = redis.queue<number>({ name: producer.name })
      await producer.put(1)
      await producer.put(2)
      let putDone = false
      const putter = spawn(async () => {
        await producer.put(3)
        putDone = true
      })
      await sleep(0.2)
      expect(putDone).toBe(false)
      expect(await producer.qsize()).toBe(2)
      const d = await consumer.get()
      await putter.join({ timeout: 2 })
      expect(putDone).toBe(true)
      // a taken item no longer counts, acknowledged or not
      expect(await producer.stats()).toMatchObject({ waiting: 2, inFlight: 1 })
      await d.ack()
    })

    it('rejects with Full at once with block: false, and after its timeout', async () => {
      const q = redis.queue<number>({ maxsize: 1 })
      await q.put(1)
      await expect(q.put(2, { block: false })).rejects.toBeInstanceOf(Full)
      const t0 = performance.now()
      await expect(q.put(2, { timeout: 0.15 })).rejects.toThrow(/still full after 0.15 seconds/)
      expect(performance.now() - t0).toBeGreaterThanOrEqual(140)
      expect(await q.qsize()).toBe(1)
    })

    it('is interrupted by kill() and Timeout while it waits, and adds nothing', async () => {
      const q = redis.queue<number>({ maxsize: 1 })
      await q.put(1)
      const killed = spawn(() => q.put(2))
      await sleep(0.05)
      const t0 = performance.now()
      await killed.kill()
      expect(performance.now() - t0).toBeLessThan(100)
      const timedOut = spawn(async () => {
        using _t = Timeout.startNew(0.05)
        await q.put(3)
      })
      expect(await timedOut.get().catch((e: unknown) => e)).toBeInstanceOf(Timeout)
      await sleep(0.1)
      expect(await q.stats()).toMatchObject({ waiting: 1, put: 1 })
    })
  })
})

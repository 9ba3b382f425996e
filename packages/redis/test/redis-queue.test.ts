import { joinAll, sleep, spawn } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { Empty, ShutDown } from '../src/index.js'
import { hasRedisServer, NO_REDIS_SERVER, useRedis } from './helpers/setup.js'

describe.skipIf(!hasRedisServer)(
  `RedisQueue${hasRedisServer ? '' : ` (skipped: ${NO_REDIS_SERVER})`}`,
  () => {
    const redis = useRedis()

    describe('put() and get()', () => {
      it('delivers items first in, first out, with their ids and a delivery count of 1', async () => {
        const q = await redis.queue<{ n: number }>().connect()
        const ids = [await q.put({ n: 1 }), await q.put({ n: 2 })]
        const a = await q.get()
        const b = await q.get()
        expect([a.item, b.item]).toEqual([{ n: 1 }, { n: 2 }])
        expect([a.id, b.id]).toEqual(ids)
        expect([a.deliveries, b.deliveries]).toEqual([1, 1])
        expect(await a.ack()).toBe(true)
        expect(await q.taskDone(b)).toBe(true)
        expect(await a.ack()).toBe(false)
      })

      it('rejects with Empty at once with block: false, and after the timeout otherwise', async () => {
        const q = redis.queue()
        await expect(q.get({ block: false })).rejects.toBeInstanceOf(Empty)
        const t0 = performance.now()
        await expect(q.get({ timeout: 0.2 })).rejects.toThrow(/empty after 0.2 seconds/)
        expect(performance.now() - t0).toBeGreaterThanOrEqual(190)
      })

      it('wakes a blocked getter when another greenlet puts', async () => {
        const q = redis.queue<string>()
        const getter = spawn(() => q.get({ timeout: 5 }))
        await new Promise((r) => setTimeout(r, 50))
        await q.put('late')
        const d = await getter.get()
        expect(d.item).toBe('late')
        await d.ack()
      })

      it('serves blocked getters first come, first served', async () => {
        const q = redis.queue<number>()
        const order: string[] = []
        const getters = ['a', 'b', 'c'].map((name) =>
          spawn(async () => {
            const d = await q.get({ timeout: 5 })
            order.push(`${name}:${d.item}`)
            await d.ack()
          }),
        )
        await new Promise((r) => setTimeout(r, 50))
        for (const n of [1, 2, 3]) await q.put(n)
        await joinAll(getters, { raiseError: true })
        expect(order).toEqual(['a:1', 'b:2', 'c:3'])
      })
    })

    describe('join(), qsize(), stats()', () => {
      it('counts waiting and in-flight items and joins once all are acknowledged', async () => {
        const q = redis.queue<number>()
        for (const n of [1, 2, 3]) await q.put(n)
        expect(await q.qsize()).toBe(3)
        const d = await q.get()
        expect(await q.stats()).toMatchObject({ waiting: 2, inFlight: 1, put: 3, acknowledged: 0 })
        expect(await q.join({ timeout: 0.05 })).toBe(false)
        await d.ack()
        for (let i = 0; i < 2; i++) await (await q.get()).ack()
        expect(await q.join({ timeout: 1 })).toBe(true)
        expect(await q.stats()).toMatchObject({ waiting: 0, inFlight: 0, acknowledged: 3 })
      })
    })

    describe('shutdown()', () => {
      it('refuses puts, lets getters drain, then ends for await', async () => {
        const producer = redis.queue<number>()
        const consumer = redis.queue<number>({ name: producer.name })
        for (const n of [1, 2]) await producer.put(n)
        await producer.shutdown()
        expect(() => producer.put(3)).toThrow(ShutDown)
        await expect(consumer.put(3)).rejects.toBeInstanceOf(ShutDown)
        const seen: number[] = []
        for await (const d of consumer) {
          seen.push(d.item)
          await d.ack()
        }
        expect(seen).toEqual([1, 2])
        await producer.destroy()
      })

      it('wakes the blocked getters of other RedisQueues at once', async () => {
        const producer = redis.queue<number>()
        const consumer = redis.queue<number>({ name: producer.name }) // blocks for 1 s at a time
        const getter = spawn(() => consumer.get())
        await sleep(0.1)
        const t0 = performance.now()
        await producer.shutdown()
        await expect(getter.get()).rejects.toBeInstanceOf(ShutDown)
        expect(performance.now() - t0).toBeLessThan(500)
        await producer.destroy()
      })
    })
  },
)

import { sleep } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { type Codec, Empty } from '../src/index.js'
import { hasRedisServer, NO_REDIS_SERVER, useRedis } from './helpers/setup.js'

const title = `RedisQueue delivery rules${hasRedisServer ? '' : ` (skipped: ${NO_REDIS_SERVER})`}`

describe.skipIf(!hasRedisServer)(title, () => {
  const redis = useRedis()

  it('gives an unacknowledged item to another consumer after visibilityTimeout, counting deliveries', async () => {
    const first = redis.queue<string>({ visibilityTimeout: 0.3 })
    const second = redis.queue<string>({ name: first.name, visibilityTimeout: 0.3 })
    await first.put('job')
    const d1 = await first.get()
    await expect(second.get({ timeout: 0.15 })).rejects.toBeInstanceOf(Empty)
    const t0 = performance.now()
    const d2 = await second.get({ timeout: 2 })
    expect(performance.now() - t0).toBeLessThan(1000)
    expect([d2.id, d2.item, d2.deliveries]).toEqual([d1.id, 'job', 2])
    expect(await d2.ack()).toBe(true)
    expect(await d1.ack()).toBe(false) // the first consumer was too late
    expect(await first.stats()).toMatchObject({ acknowledged: 1, inFlight: 0, waiting: 0 })
  })

  it('keeps a delivery with its consumer while touch() restarts the visibility clock', async () => {
    const worker = redis.queue<string>({ visibilityTimeout: 0.3 })
    const other = redis.queue<string>({ name: worker.name, visibilityTimeout: 0.3 })
    await worker.put('long job')
    const d = await worker.get()
    for (let i = 0; i < 5; i++) {
      await sleep(0.15)
      expect(await d.touch()).toBe(true)
    }
    await expect(other.get({ block: false })).rejects.toBeInstanceOf(Empty)
    await sleep(0.5) // no more touches: it times out and goes to the other consumer
    const taken = await other.get({ timeout: 2 })
    expect(taken.deliveries).toBe(2)
    expect(await d.touch()).toBe(false) // no longer ours
    await taken.ack()
  })

  it('gives an item back at once with release(), its delivery count going on', async () => {
    const q = redis.queue<string>() // visibilityTimeout 30 s
    const other = redis.queue<string>({ name: q.name })
    await q.put('hot potato')
    const d = await q.get()
    expect(await d.release()).toBe(true)
    const again = await other.get({ timeout: 2 })
    expect([again.item, again.deliveries]).toEqual(['hot potato', 2])
    await again.ack()
  })

  it('moves an item delivered maxDeliveries times to the dead-letter stream', async () => {
    const q = redis.queue<{ poison: boolean }>({ visibilityTimeout: 0.1, maxDeliveries: 2 })
    const id = await q.put({ poison: true })
    for (const n of [1, 2]) {
      const d = await q.get({ timeout: 2 })
      expect(d.deliveries).toBe(n)
      // never acknowledged: the handler "crashes"
    }
    await sleep(0.15)
    await expect(q.get({ timeout: 0.3 })).rejects.toBeInstanceOf(Empty)
    const dead = await q.deadLetters()
    expect(dead).toHaveLength(1)
    expect(dead[0]).toMatchObject({
      id,
      deliveries: 2,
      reason: 'maxDeliveries',
      item: { poison: true },
    })
    expect(await q.stats()).toMatchObject({ dead: 1, deadLetters: 1, inFlight: 0, waiting: 0 })
    expect(await q.join({ timeout: 1 })).toBe(true) // dead-lettered counts as done
  })

  it('moves an entry its codec cannot decode to the dead-letter stream and goes on', async () => {
    const strict: Codec<number> = {
      encode: (n) => String(n),
      decode: (b) => {
        const n = Number(b.toString())
        if (Number.isNaN(n)) throw new Error(`not a number: ${b.toString()}`)
        return n
      },
    }
    const loose = redis.queue<string>({ codec: { encode: (s) => s, decode: (b) => b.toString() } })
    const q = redis.queue<number>({ name: loose.name, codec: strict })
    await loose.put('garbage')
    await q.put(7)
    const d = await q.get({ timeout: 2 })
    expect(d.item).toBe(7)
    await d.ack()
    const [dead] = await q.deadLetters()
    expect(dead?.reason).toBe('decode: not a number: garbage')
    expect(dead?.item).toBeUndefined()
    expect(dead?.data.toString()).toBe('garbage')
  })

  it('gives the deliveries it holds back to the queue when closed', async () => {
    const q = redis.queue<string>()
    const other = redis.queue<string>({ name: q.name })
    await q.put('a')
    await q.put('b')
    const held = await q.get()
    await (await q.get()).ack()
    await q.close()
    const d = await other.get({ timeout: 2 })
    expect([d.id, d.item, d.deliveries]).toEqual([held.id, 'a', 2])
    await d.ack()
  })
})

import { joinAll, spawn } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { freePort } from '../../test-kit/src/redis-server.js'
import { RedisQueue, RedisUnreachable } from '../src/index.js'
import { eventually, hasRedisServer, NO_REDIS_SERVER, useRedis } from './helpers/setup.js'

const skipped = hasRedisServer ? '' : ` (skipped: ${NO_REDIS_SERVER})`

/** Sockets and timers of this process (vitest's own included). */
function handles(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap' || r === 'Timeout')
    .length
}

describe('RedisQueue when Redis cannot be reached', () => {
  it('fails connect() and get() with RedisUnreachable naming the address, then lets go of the socket', async () => {
    const before = handles()
    const port = await freePort() // nothing listens there
    const q = new RedisQueue({
      url: `redis://127.0.0.1:${port}`,
      name: 'nowhere',
      connectTimeout: 0.3,
    })
    const t0 = performance.now()
    const err = await q.connect().catch((e: unknown) => e)
    expect(performance.now() - t0).toBeLessThan(2000)
    expect(err).toBeInstanceOf(RedisUnreachable)
    expect((err as RedisUnreachable).code).toBe('ERR_REDIS_UNREACHABLE')
    expect((err as Error).message).toContain(
      `Cannot reach Redis at 127.0.0.1:${port} for 0.3 seconds`,
    )
    expect((err as Error).message).toContain('ECONNREFUSED')
    await expect(q.get({ timeout: 5 })).rejects.toBeInstanceOf(RedisUnreachable)
    expect(await eventually(() => handles() <= before, 1)).toBe(true)
    await q.close()
  })
})

describe.skipIf(!hasRedisServer)(`RedisQueue across an outage${skipped}`, () => {
  const redis = useRedis()

  it('fails operations once an outage outlasts connectTimeout, and works again when Redis is back', async () => {
    const q = await redis.queue<number>({ connectTimeout: 0.4 }).connect()
    await q.put(1)
    await redis.server.halt()
    const t0 = performance.now()
    await expect(q.put(2)).rejects.toBeInstanceOf(RedisUnreachable)
    expect(performance.now() - t0).toBeLessThan(2000)
    await redis.server.launch()
    expect(await eventually(async () => (await q.put(3).catch(() => null)) !== null, 3)).toBe(true)
  })
})

describe.skipIf(!hasRedisServer)(`RedisQueue across a Redis restart (appendonly)${skipped}`, () => {
  const redis = useRedis({ appendonly: true })

  it('completes a run through a restart without losing or repeating acknowledged work', async () => {
    const N = 2000
    const producer = redis.queue<{ id: number }>({ connectTimeout: 10 })
    const consumers = [1, 2, 3, 4].map(() =>
      redis.queue<{ id: number }>({
        name: producer.name,
        visibilityTimeout: 1,
        connectTimeout: 10,
      }),
    )
    const done = new Set<number>()
    let acked = 0
    let restarted = -1
    const workers = consumers.map((q) =>
      spawn(async () => {
        while (done.size < N) {
          const d = await q.get({ timeout: 0.5 }).catch((e: unknown) => {
            if ((e as Error).name === 'Empty') return null
            throw e
          })
          if (d === null) continue
          done.add(d.item.id) // the effect, recorded once by id
          if (await d.ack()) acked++
        }
      }),
    )
    const deadline = performance.now() + 60_000
    for (let id = 0; id < N; id++) {
      await producer.put({ id })
      if (id === N / 2) {
        await eventually(() => acked > N / 4, 10)
        restarted = acked
        await redis.server.restart()
      }
      if (performance.now() > deadline) throw new Error('the run took over 60 s')
    }
    await joinAll(workers, { raiseError: true, timeout: 60 })
    expect(restarted).toBeGreaterThan(0)
    expect(restarted).toBeLessThan(N)
    expect(done.size).toBe(N)
    const stats = await producer.stats()
    // every entry ever added was acknowledged exactly once (a put retried across the
    // restart may have added one twice; it was acknowledged once too)
    expect(stats.acknowledged).toBe(stats.put)
    expect(stats.put).toBeGreaterThanOrEqual(N)
    expect(stats).toMatchObject({ waiting: 0, inFlight: 0, dead: 0 })
    // an ack whose reply was lost in the restart is retried and then answers false
    expect(acked).toBeLessThanOrEqual(stats.acknowledged)
  }, 90_000)
})

import { type ChildProcess, spawn as spawnChild } from 'node:child_process'
import { joinAll, spawn } from '@strand/core'
import { Redis } from 'ioredis'
import { beforeAll, describe, expect, it } from 'vitest'
import { bundle } from './helpers/bundle.js'
import { eventually, hasRedisServer, NO_REDIS_SERVER, useRedis } from './helpers/setup.js'

const title = `RedisQueue across processes${hasRedisServer ? '' : ` (skipped: ${NO_REDIS_SERVER})`}`

interface Worker {
  child: ChildProcess
  output: string
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

function startWorker(script: string, args: string[]): Promise<Worker> {
  const child = spawnChild(process.execPath, [script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const worker: Worker = {
    child,
    output: '',
    exit: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))),
  }
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    worker.output += chunk
  })
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    worker.output += chunk
  })
  return eventually(() => worker.output.includes('ready'), 15).then((ready) => {
    if (!ready) throw new Error(`worker did not start:\n${worker.output}`)
    return worker
  })
}

/** Deliveries the worker's consumer holds unacknowledged (its consumer name has its pid). */
async function pendingOf(url: string, name: string, worker: Worker): Promise<number> {
  const client = new Redis(url)
  try {
    const consumers = (await client.xinfo('CONSUMERS', `{${name}}`, 'strand')) as unknown[][]
    const mine = consumers.find((c) => String(c[1]).includes(`:${worker.child.pid}:`))
    return Number(mine?.[3] ?? 0)
  } finally {
    client.disconnect()
  }
}

describe.skipIf(!hasRedisServer)(title, () => {
  const redis = useRedis()
  let script = ''
  beforeAll(async () => {
    script = await bundle(new URL('./fixtures/queue-worker.ts', import.meta.url))
  }, 60_000)

  it('acknowledges each of 20,000 items exactly once with 3 workers, one of them SIGKILLed mid-way', async () => {
    const N = 20_000
    const q = redis.queue<{ id: number }>()
    const name = q.name
    // worker 0 is slow (0.2 s per item), so it surely holds items when it dies
    const workers = await Promise.all([
      startWorker(script, [redis.server.url, name, '8', '200']),
      startWorker(script, [redis.server.url, name, '8', '0']),
      startWorker(script, [redis.server.url, name, '8', '0']),
    ])
    const victim = workers[0]!
    const producers = [0, 1, 2, 3].map((k) =>
      spawn(async () => {
        for (let id = k; id < N; id += 4) await q.put({ id })
      }),
    )
    expect(await eventually(async () => (await q.stats()).acknowledged >= N / 4, 60)).toBe(true)
    // kill it while it holds deliveries it has not acknowledged
    expect(
      await eventually(async () => (await pendingOf(redis.server.url, name, victim)) > 0, 10),
    ).toBe(true)
    victim.child.kill('SIGKILL')
    expect((await victim.exit).signal).toBe('SIGKILL')
    await joinAll(producers, { raiseError: true })
    await q.shutdown()
    const survivors = await Promise.all(workers.slice(1).map((w) => w.exit))
    for (const [i, exit] of survivors.entries()) expect(exit.code, workers[i + 1]!.output).toBe(0)

    const stats = await q.stats()
    expect(stats).toMatchObject({ put: N, acknowledged: N, dead: 0, waiting: 0, inFlight: 0 })
    const inspect = new Redis(redis.server.url)
    try {
      expect(await inspect.scard(`{${name}}:effects`)).toBe(N)
      const seen = Object.values(await inspect.hgetall(`{${name}}:seen`)).map(Number)
      expect(seen).toHaveLength(N)
      // the victim's unacknowledged items were delivered again, to the survivors
      expect(seen.filter((n) => n > 1).length).toBeGreaterThan(0)
    } finally {
      inspect.disconnect()
    }
    const survivorAcks = workers
      .slice(1)
      .map((w) => Number(/acked (\d+)/.exec(w.output)?.[1] ?? Number.NaN))
    expect(survivorAcks.every((n) => n > 0)).toBe(true)
    expect(survivorAcks[0]! + survivorAcks[1]!).toBeLessThanOrEqual(N)
  }, 120_000)
})

import { Redis } from 'ioredis'
import { afterAll, beforeAll } from 'vitest'
import { hasRedisServer, NO_REDIS_SERVER, RedisServer } from '../../../test-kit/src/redis-server.js'
import { RedisQueue, type RedisQueueOptions } from '../../src/index.js'

export { hasRedisServer, NO_REDIS_SERVER, RedisServer }

if (!hasRedisServer) console.warn(NO_REDIS_SERVER)

/**
 * Starts one redis-server for the calling test file (before all its tests, stopped after
 * them) and returns a getter for it, plus a factory of queues on it with unique names
 * that are closed after the file.
 */
export function useRedis(options: { appendonly?: boolean } = {}) {
  let server: RedisServer | undefined
  const opened: RedisQueue<unknown>[] = []
  let counter = 0
  beforeAll(async () => {
    if (hasRedisServer) server = await RedisServer.start(options)
  }, 20_000)
  afterAll(async () => {
    await Promise.all(opened.map((q) => q.close()))
    await server?.stop()
  }, 20_000)
  return {
    get server(): RedisServer {
      if (server === undefined) throw new Error('redis-server is not running')
      return server
    },
    /** A new queue on a fresh name (`test-<n>`), closed after the file. */
    queue<T = unknown>(opts: Partial<RedisQueueOptions<T>> = {}): RedisQueue<T> {
      const q = new RedisQueue<T>({
        url: server?.url ?? 'redis://127.0.0.1:1',
        name: `test-${++counter}-${process.pid}`,
        ...opts,
      })
      opened.push(q as RedisQueue<unknown>)
      return q
    },
  }
}

/** Polls `check` every 10 ms until it returns true (then true) or `seconds` pass (then false). */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  seconds = 2,
): Promise<boolean> {
  const deadline = performance.now() + seconds * 1000
  for (;;) {
    if (await check()) return true
    if (performance.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** The server's count of clients blocked in a command (XREADGROUP BLOCK …). */
export async function blockedClients(server: RedisServer): Promise<number> {
  const client = new Redis(server.url, { lazyConnect: true })
  try {
    await client.connect()
    const info = await client.info('clients')
    return Number(/blocked_clients:(\d+)/.exec(info)?.[1] ?? Number.NaN)
  } finally {
    client.disconnect()
  }
}

import { afterAll, beforeAll } from 'vitest'
import {
  hasRedisServer,
  NO_REDIS_SERVER,
  RedisServer,
} from '../../../../test-support/redis-server.js'
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

import { describe, expect, it } from 'vitest'
import { main as deadLetters } from '../examples/dead-letters.js'
import { main as quickStart } from '../examples/quick-start.js'
import { main as workers } from '../examples/workers.js'
import { hasRedisServer, NO_REDIS_SERVER, useRedis } from './helpers/setup.js'

describe.skipIf(!hasRedisServer)(
  `README examples, run${hasRedisServer ? '' : ` (skipped: ${NO_REDIS_SERVER})`}`,
  () => {
    const redis = useRedis()
    const run = async (main: (url: string, log: (line: string) => void) => Promise<void>) => {
      const lines: string[] = []
      await main(redis.server.url, (line) => lines.push(line))
      return lines
    }

    it('quick start: put, get, ack, join', async () => {
      expect(await run(quickStart)).toEqual([
        'sending to ada@example.com (delivery 1)',
        'all acknowledged: true',
      ])
    })

    it('workers: three consumers share six jobs, each done once', async () => {
      const lines = await run(workers)
      expect(lines).toHaveLength(6)
      const images = lines.map((l) => Number(/image (\d)$/.exec(l)?.[1])).sort()
      expect(images).toEqual([1, 2, 3, 4, 5, 6])
    })

    it('dead letters: a poisoned item lands in {name}:dead after maxDeliveries', async () => {
      expect(await run(deadLetters)).toEqual([
        'delivery 1: the handler crashed (no ack)',
        'delivery 2: the handler crashed (no ack)',
        'dead letter: poison after 2 deliveries (maxDeliveries)',
      ])
    })
  },
)

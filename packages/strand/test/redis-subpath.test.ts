import * as redis from '@strand/redis'
import { describe, expect, it } from 'vitest'
import * as strand from '../src/index.js'
import * as subpath from '../src/redis.js'

describe('strand/redis', () => {
  it('re-exports every runtime export of @strand/redis, as the same object', () => {
    for (const [key, value] of Object.entries(redis)) {
      expect(subpath, key).toHaveProperty(key)
      expect((subpath as Record<string, unknown>)[key], key).toBe(value)
    }
  })

  it('keeps RedisQueue (and its Redis client) out of the main import', () => {
    expect(strand).not.toHaveProperty('RedisQueue')
    // the queue errors are the very classes of @strand/queue, so one catch serves both
    expect(subpath.Empty).toBe(strand.Empty)
  })
})

import { existsSync } from 'node:fs'
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'

const dist = new URL('../dist/index.js', import.meta.url)
const built = existsSync(dist)

// `npm test` builds first; a bare `npx vitest run` before any build skips this file.
describe.skipIf(!built)(
  `the built dist${built ? '' : ' (skipped: run `npm run build` first)'}`,
  () => {
    it('exports the API with its class names and the queue errors of @strand/queue', async () => {
      const mod = await import(dist.href)
      const queue = await import('@strand/queue')
      for (const name of [
        'RedisQueue',
        'RedisUnreachable',
        'RedisCommandError',
        'RedisQueueClosed',
      ]) {
        expect(mod[name]?.name, name).toBe(name)
      }
      expect(mod.Empty).toBe(queue.Empty)
      expect(mod.jsonCodec.decode(Buffer.from('[1]'))).toEqual([1])
    })

    it('shows a RedisQueue without its internals', async () => {
      const { RedisQueue } = await import(dist.href)
      const q = new RedisQueue({ name: 'shown', url: 'redis://127.0.0.1:1' })
      const shown = inspect(q)
      expect(shown).toContain("name: 'shown'")
      expect(shown).not.toMatch(/_\w+:|engine|ioredis/i)
      await q.close()
    })
  },
)

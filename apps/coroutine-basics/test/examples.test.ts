import { capture, describeStories, findExample } from '@strand/demo-kit/testing'
import { getHub, VirtualClock } from 'strand'
import { beforeAll, describe, expect, it } from 'vitest'
import { examples } from '../src/index.js'

beforeAll(() => {
  getHub().useClock(new VirtualClock())
})

describe('coroutine-basics (virtual clock)', () => {
  describeStories(examples)

  describe('002#3 greenlet producer/consumer', () => {
    it('alternates Produced and Consumed with the same char, paced by the clock', async () => {
      const start = getHub().clock.now()
      const lines = await capture(findExample(examples, '002#3'))
      const turns = lines.filter((line) => /^(Produced|Consumed): /.test(line))
      expect(turns).toHaveLength(6)
      for (let i = 0; i < turns.length; i += 2) {
        expect(turns[i]!.replace('Produced', 'Consumed')).toBe(turns[i + 1])
      }
      // six paced turns of 0.5 s on the virtual clock
      expect(getHub().clock.now() - start).toBeCloseTo(3, 5)
    })
  })
})

import { capture, describeStories, findExample, measuredTimes } from '@strand/demo-kit/testing'
import { getHub, VirtualClock } from 'strand'
import { beforeAll, describe, expect, it } from 'vitest'
import { examples } from '../src/index.js'

// Signals arrive from outside the hub, so a jumping clock would end the 1000 s sleep
// before SIGQUIT lands, and it would jump past the network of 003#7: those run on the
// real clock in real-clock.test.ts.
const REAL_CLOCK = ['003#5', '003#7']

beforeAll(() => {
  getHub().useClock(new VirtualClock())
})

describe('learning-gevent (virtual clock)', () => {
  describeStories(examples, { except: REAL_CLOCK })

  describe('003#3 creating greenlets', () => {
    it('runs the 1 s and 2 s sleepers side by side: ~2 s in all', async () => {
      const lines = await capture(findExample(examples, '003#3'))
      expect(measuredTimes(lines[0]!)[0]).toBeCloseTo(1, 1)
      expect(measuredTimes(lines[1]!)[0]).toBeCloseTo(2, 1)
      expect(measuredTimes(lines[2]!)[0]).toBeCloseTo(2, 1)
    })
  })

  describe('003#8 asyncio hello', () => {
    it('overlaps the two 1 s sleeps', async () => {
      const lines = await capture(findExample(examples, '003#8'))
      expect(measuredTimes(lines.at(-1)!)[0]).toBeCloseTo(1, 1)
    })
  })
})

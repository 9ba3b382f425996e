import { capture, describeStories, findExample, measuredTimes } from '@strand/demo-kit/testing'
import { getHub, VirtualClock } from 'strand'
import { beforeAll, describe, expect, it } from 'vitest'
import { examples } from '../src/index.js'

beforeAll(() => {
  getHub().useClock(new VirtualClock())
})

describe('python-coroutines (virtual clock)', () => {
  describeStories(examples)

  describe('004#3 worker queue', () => {
    it('processes all 20 items and takes about a third of the total sleep time', async () => {
      const lines = await capture(findExample(examples, '004#3'))
      expect(lines.filter((line) => / has slept for /.test(line))).toHaveLength(20)
      const parallel = measuredTimes(lines.at(-2)!)[0]!
      const total = Number(/([\d.]+) seconds$/.exec(lines.at(-1)!)?.[1])
      expect(parallel).toBeGreaterThanOrEqual((total / 3) * 0.95)
      expect(parallel).toBeLessThan(total * 0.6)
    })
  })
})

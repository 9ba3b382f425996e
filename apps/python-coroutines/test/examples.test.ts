import { getHub, VirtualClock } from 'strand'
import { beforeAll, describe, expect, it } from 'vitest'
import { examples } from '../src/index.js'
import { capture, expectedFile, measuredTimes, normaliseTimes } from './capture.js'

beforeAll(() => {
  getHub().useClock(new VirtualClock())
})

describe('python-coroutines (virtual clock)', () => {
  for (const example of examples) {
    describe(`${example.id} ${example.title}`, () => {
      it('prints the story of the document', async () => {
        const lines = await capture(example)
        await expect(normaliseTimes(lines)).toMatchFileSnapshot(expectedFile(example.id))
      })
    })
  }

  describe('004#3 worker queue', () => {
    it('processes all 20 items and takes about a third of the total sleep time', async () => {
      const lines = await capture(examples.find((e) => e.id === '004#3')!)
      expect(lines.filter((line) => / has slept for /.test(line))).toHaveLength(20)
      const parallel = measuredTimes(lines.at(-2)!)[0]!
      const total = Number(/([\d.]+) seconds$/.exec(lines.at(-1)!)?.[1])
      expect(parallel).toBeGreaterThanOrEqual((total / 3) * 0.95)
      expect(parallel).toBeLessThan(total * 0.6)
    })
  })
})

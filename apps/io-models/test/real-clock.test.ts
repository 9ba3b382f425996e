import { expectStory, findExample, measuredTimes } from '@strand/demo-kit/testing'
import { describe, expect, it } from 'vitest'
import { examples } from '../src/index.js'

describe('io-models (real clock)', () => {
  describe('001#3 a consumer that blocks', () => {
    it('takes about the sum of the blocks', async () => {
      const lines = await expectStory(findExample(examples, '001#3'))
      const total = measuredTimes(lines.at(-1)!)[0]!
      expect(total).toBeGreaterThanOrEqual(0.95)
      expect(total).toBeLessThan(2)
    })
  })

  describe('001#5 cooperative vs blocking sleeps', () => {
    it('overlaps the cooperative sleeps (about the max) and adds up the blocking ones (about the sum)', async () => {
      const lines = await expectStory(findExample(examples, '001#5'))
      const [cooperative, blocking] = lines
        .filter((line) => line.startsWith('elapsed'))
        .map((line) => measuredTimes(line)[0]!)
      expect(cooperative).toBeGreaterThanOrEqual(0.29)
      expect(cooperative).toBeLessThan(0.45)
      expect(blocking).toBeGreaterThanOrEqual(0.49)
      expect(blocking! / cooperative!).toBeGreaterThan(1.3)
    })
  })
})

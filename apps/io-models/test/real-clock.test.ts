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

  describe('001#5 patched vs blocking sleeps', () => {
    let lines: string[] = []

    // The tests below look closer at what this one printed.
    it('prints the story of the document', async () => {
      lines = await expectStory(findExample(examples, '001#5'))
    })

    it('overlaps the patched sleeps (about the max) and adds up the blocking ones (about the sum)', () => {
      const [patched, blocking] = lines
        .filter((line) => line.startsWith('elapsed'))
        .map((line) => measuredTimes(line)[0]!)
      expect(patched).toBeGreaterThanOrEqual(0.29)
      expect(patched).toBeLessThan(0.45)
      expect(blocking).toBeGreaterThanOrEqual(0.49)
      expect(blocking! / patched!).toBeGreaterThan(1.3)
    })

    it('lets a Timeout stop the patched sleep, not the unpatched one', () => {
      const [unpatched, patched] = lines
        .filter((line) => line.startsWith('withTimeout'))
        .map((line) => measuredTimes(line)[0]!)
      expect(unpatched).toBeGreaterThanOrEqual(0.29) // ran its full 0.3 s
      expect(patched).toBeGreaterThanOrEqual(0.09)
      expect(patched).toBeLessThan(0.25)
    })
  })
})

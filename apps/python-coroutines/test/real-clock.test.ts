import { capture, findExample, measuredTimes } from '@strand/demo-kit/testing'
import { describe, expect, it } from 'vitest'
import { examples } from '../src/index.js'

describe('python-coroutines (real clock)', () => {
  describe('004#3 worker queue', () => {
    it('overlaps real sleeps: T well below the total S, not below S/3', async () => {
      const lines = await capture(findExample(examples, '004#3'))
      const parallel = measuredTimes(lines.at(-2)!)[0]!
      const total = Number(/([\d.]+) seconds$/.exec(lines.at(-1)!)?.[1])
      expect(parallel).toBeGreaterThanOrEqual((total / 3) * 0.95)
      expect(parallel).toBeLessThan(total * 0.75)
    })
  })

  describe('004#4 task runner', () => {
    it('runs two at a time on real timers: the run takes about 0.8 s, not the 1.4 s of one at a time', async () => {
      const lines = await capture(findExample(examples, '004#4'))
      const total = measuredTimes(lines.find((l) => l.startsWith('4 tasks:'))!)[0]!
      expect(total).toBeGreaterThanOrEqual(0.75)
      expect(total).toBeLessThan(1.3)
      expect(lines.at(-1)).toBe('at most 2 tasks ran at once; slow-export finished its work: false')
    })
  })
})

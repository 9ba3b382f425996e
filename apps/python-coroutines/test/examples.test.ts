import { capture, describeStories, findExample, measuredTimes } from '@strand/demo-kit/testing'
import { getHub, VirtualClock } from 'strand'
import { beforeAll, describe, expect, it } from 'vitest'
import { examples } from '../src/index.js'

beforeAll(() => {
  getHub().useClock(new VirtualClock())
})

describe('python-coroutines (virtual clock)', () => {
  // 004#2 runs child processes and real HTTP: real-clock.test.ts
  describeStories(examples, { except: ['004#2'] })

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

  describe('004#4 task runner', () => {
    it('overlaps the tasks two at a time: each ends when its sleeps say, the run at 0.8 s', async () => {
      const lines = await capture(findExample(examples, '004#4'))
      const time = (prefix: string) => measuredTimes(lines.find((l) => l.startsWith(prefix))!)[0]
      expect(time('ok        flaky-report')).toBeCloseTo(0.3, 5) // 0.1 + backoff 0.1 + 0.1
      expect(time('ok        fetch-users')).toBeCloseTo(0.4, 5)
      expect(time('ok        send-mail')).toBeCloseTo(0.2, 5) // started at 0.4
      expect(time('timed out slow-export')).toBeCloseTo(0.5, 5) // started at 0.3
      expect(time('4 tasks:')).toBeCloseTo(0.8, 5)
    })
  })
})

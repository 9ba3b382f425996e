import { capture, describeStories, findExample } from '@strand/demo-kit/testing'
import { getHub, VirtualClock } from 'strand'
import { beforeAll, describe, expect, it } from 'vitest'
import { examples } from '../src/index.js'

// Signals arrive from outside the hub, so a jumping clock would end the 1000 s sleep
// before SIGQUIT lands: that one runs on the real clock in real-clock.test.ts.
const REAL_CLOCK = ['000#5']

beforeAll(() => {
  getHub().useClock(new VirtualClock())
})

describe('gevent-notes (virtual clock)', () => {
  describeStories(examples, { except: REAL_CLOCK })
})

describe('000#4 synchronous vs asynchronous', () => {
  it('finishes the synchronous tasks in order and the spawned ones out of order', async () => {
    const example = findExample(examples, '000#4')
    const lines = await capture(example)
    const split = lines.indexOf('='.repeat(20))
    const sync = lines.slice(0, split)
    const async = lines.slice(split + 1)
    expect(sync).toEqual([...sync].sort())
    expect(async).not.toEqual([...async].sort())
    expect([...async].sort()).toEqual([...sync].sort())
  })
})

describe('000#7 Event', () => {
  it('wakes both clients when the server sets the event 3 s later', async () => {
    const start = getHub().clock.now()
    const lines = await capture(findExample(examples, '000#7'))
    expect(lines.slice(-2)).toEqual(['get data', 'get data'])
    expect(getHub().clock.now() - start).toBeCloseTo(3, 5)
  })
})

describe('000#9 Queue boss and workers', () => {
  it('hands out each task exactly once, then every worker quits', async () => {
    const lines = await capture(findExample(examples, '000#9'))
    const tasks = lines.flatMap((line) => /got task (\d+)$/.exec(line)?.[1] ?? []).map(Number)
    expect(tasks).toEqual(Array.from({ length: 19 }, (_, i) => i + 1))
    expect(lines.slice(-3)).toEqual(['Quitting time!', 'Quitting time!', 'Quitting time!'])
    const first = lines.indexOf('Assigned all work in iteration 1')
    expect(first).toBeGreaterThan(lines.indexOf('Worker bob got task 3'))
  })
})

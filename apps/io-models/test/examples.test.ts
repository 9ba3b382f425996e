import { capture, describeStories, findExample } from '@strand/demo-kit/testing'
import { getHub, VirtualClock } from 'strand'
import { beforeAll, describe, expect, it } from 'vitest'
import { examples } from '../src/index.js'

// Atomics.wait blocks real time, which a virtual clock cannot skip: see real-clock.test.ts.
// The socket examples wait on the network, which a virtual clock would jump past: each
// has a test file of its own on the real clock.
const REAL_CLOCK = ['001#3', '001#5', '001#7', '001#8', '001#9']

beforeAll(() => {
  getHub().useClock(new VirtualClock())
})

describe('io-models (virtual clock)', () => {
  describeStories(examples, { except: REAL_CLOCK })

  describe('001#6 current greenlet names', () => {
    it('gives each spawned greenlet its own name, distinct from main', async () => {
      const lines = await capture(findExample(examples, '001#6'))
      const names = lines.map((line) => line.split(' ').at(-1))
      expect(names[0]).toBe('main')
      expect(new Set(names).size).toBe(3)
    })
  })
})

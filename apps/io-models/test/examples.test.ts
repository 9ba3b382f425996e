import { getHub, VirtualClock } from 'strand'
import { beforeAll, describe, expect, it } from 'vitest'
import { examples } from '../src/index.js'
import { capture, expectedFile, normaliseTimes } from './capture.js'

// Atomics.wait blocks real time, which a virtual clock cannot skip: see real-clock.test.ts.
const REAL_CLOCK = new Set(['001#3', '001#5'])

beforeAll(() => {
  getHub().useClock(new VirtualClock())
})

/** Greenlet numbers depend on what ran before in the process. */
function normaliseNames(text: string): string {
  return text.replace(/Greenlet-\d+/g, 'Greenlet-<n>')
}

describe('io-models (virtual clock)', () => {
  for (const example of examples.filter((e) => !REAL_CLOCK.has(e.id))) {
    describe(`${example.id} ${example.title}`, () => {
      it('prints the story of the document', async () => {
        const lines = await capture(example)
        await expect(normaliseNames(normaliseTimes(lines))).toMatchFileSnapshot(
          expectedFile(example.id),
        )
      })
    })
  }

  describe('001#6 current greenlet names', () => {
    it('gives each spawned greenlet its own name, distinct from main', async () => {
      const lines = await capture(examples.find((e) => e.id === '001#6')!)
      const names = lines.map((line) => line.split(' ').at(-1))
      expect(names[0]).toBe('main')
      expect(new Set(names).size).toBe(3)
    })
  })
})

import { describe, expect, it } from 'vitest'
import { examples } from '../src/index.js'
import { capture, expectedFile, normaliseTimes } from './capture.js'

describe('gevent-notes (real clock)', () => {
  describe('000#5 signal handling', () => {
    const example = examples.find((e) => e.id === '000#5')!

    it('shuts the long sleeper down when SIGQUIT arrives', async () => {
      const started = performance.now()
      const lines = await capture(example)
      expect(performance.now() - started).toBeLessThan(5_000)
      await expect(normaliseTimes(lines)).toMatchFileSnapshot(expectedFile(example.id))
    })
  })
})

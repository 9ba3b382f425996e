import { describe, expect, it } from 'vitest'
import { examples } from '../src/index.js'
import { capture, expectedFile, normaliseTimes } from './capture.js'

describe('learning-gevent (real clock)', () => {
  describe('003#5 program shutdown', () => {
    it('kills the long sleeper when SIGQUIT arrives', async () => {
      const started = performance.now()
      const lines = await capture(examples.find((e) => e.id === '003#5')!)
      expect(performance.now() - started).toBeLessThan(5_000)
      await expect(normaliseTimes(lines)).toMatchFileSnapshot(expectedFile('003#5'))
    })
  })
})

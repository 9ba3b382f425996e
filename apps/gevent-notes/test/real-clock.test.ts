import { expectStory, findExample } from '@strand/demo-kit/testing'
import { describe, expect, it } from 'vitest'
import { examples } from '../src/index.js'

describe('gevent-notes (real clock)', () => {
  describe('000#5 signal handling', () => {
    const example = findExample(examples, '000#5')

    it('shuts the long sleeper down when SIGQUIT arrives', async () => {
      const started = performance.now()
      await expectStory(example)
      expect(performance.now() - started).toBeLessThan(5_000)
    })
  })
})

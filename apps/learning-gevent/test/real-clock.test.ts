import { expectStory, findExample } from '@strand/demo-kit/testing'
import { describe, expect, it } from 'vitest'
import { examples } from '../src/index.js'

describe('learning-gevent (real clock)', () => {
  describe('003#5 program shutdown', () => {
    it('kills the long sleeper when SIGQUIT arrives', async () => {
      const started = performance.now()
      await expectStory(findExample(examples, '003#5'))
      expect(performance.now() - started).toBeLessThan(5_000)
    })
  })
})

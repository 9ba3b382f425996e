import {
  expectStory,
  findExample,
  leftOpen,
  measuredTimes,
  openHandles,
} from '@strand/demo-kit/testing'
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

  describe('003#7 monkey patching the socket module', () => {
    let lines: string[] = []
    let left: string[] = []
    const kills = () =>
      lines.filter((line) => line.startsWith('kill()')).map((line) => measuredTimes(line)[0]!)
    const hangUps = () =>
      lines.filter((line) => line.startsWith('server: ')).map((line) => measuredTimes(line)[0]!)

    // The tests below look closer at what this one printed.
    it('prints the story of the document', async () => {
      const before = openHandles()
      lines = await expectStory(findExample(examples, '003#7'))
      left = await leftOpen(before)
    })

    it('unpatched, the kill waits for the answer: the request cannot be stopped', () => {
      expect(kills()[0]).toBeGreaterThanOrEqual(0.6) // the server answers 1 s in, the kill came at 0.2 s
      expect(hangUps()[0]).toBeGreaterThanOrEqual(0.95)
    })

    it('patched, the kill stops the request at once and the server sees the socket close', () => {
      expect(kills()[1]).toBeLessThan(0.3)
      expect(hangUps()[1]).toBeLessThan(0.7)
      expect(lines).toContain(
        'server: the client hung up ~' +
          hangUps()[1]!.toFixed(2) +
          ' s after connecting, before its answer',
      )
    })

    it('leaves nothing open, and the process unpatched', async () => {
      expect(left).toEqual([])
      const { isPatched } = await import('strand/monkey')
      expect(isPatched('net') || isPatched('events')).toBe(false)
    })
  })
})

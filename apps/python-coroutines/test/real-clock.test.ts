import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { capture, expectStory, findExample, measuredTimes } from '@strand/demo-kit/testing'
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

  // The program runs as a child process from the build: `npm run build` first.
  const program = fileURLToPath(new URL('../dist/legacy-program.js', import.meta.url))
  describe.skipIf(!existsSync(program))('004#2 monkey.patch_all() usage', () => {
    let lines: string[] = []
    const times = (prefix: string) =>
      lines.filter((line) => line.trim().startsWith(prefix)).map((line) => measuredTimes(line)[0]!)

    // The tests below look closer at what this one printed.
    it('prints the story of the document', async () => {
      lines = await expectStory(findExample(examples, '004#2'))
    })

    it('unpatched, the Timeout cannot stop the request: it runs until the 1 s answer', () => {
      const [unpatched] = times('withTimeout')
      expect(unpatched).toBeGreaterThanOrEqual(0.95)
      expect(lines).toContain(
        `  withTimeout(0.3 s) around report(): 200 late answer, after ~${unpatched!.toFixed(2)} s`,
      )
    })

    it('under --import register, the Timeout stops it and the server sees the client hang up', () => {
      const [, patched] = times('withTimeout')
      expect(patched).toBeGreaterThanOrEqual(0.29)
      expect(patched).toBeLessThan(0.7)
      const [, hungUp] = times('server: the client hung up')
      expect(hungUp).toBeLessThan(0.8)
      expect(lines.filter((line) => line.endsWith('before the answer'))).toHaveLength(1)
    })

    it('leaves nothing open in either run, and both programs end on their own', () => {
      expect(lines.filter((line) => line === '  still open: nothing')).toHaveLength(2)
      const [unpatched, patched] = times('the program exited with 0')
      expect(patched).toBeLessThan(unpatched!)
    })
  })

  if (!existsSync(program))
    console.warn(`Skipping 004#2: ${program} is missing; run \`npm run build\` first.`)
})

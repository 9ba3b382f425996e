import { describe, expect, it } from 'vitest'
import { defineDocument, runDocument, runExample, runExamples } from '../src/index.js'

const say =
  (text: string) =>
  async (log: (line: string) => void = console.log) =>
    log(text)
const boom = async () => {
  throw new Error('boom')
}

describe('defineDocument()', () => {
  it('numbers the examples by their keys, in ascending order, gaps left out', () => {
    const doc = defineDocument('004', 'Python coroutines', {
      3: { title: 'three', main: say('3') },
      1: { title: 'one', main: say('1') },
    })
    expect(doc.id).toBe('004')
    expect(doc.examples.map((e) => [e.id, e.title])).toEqual([
      ['004#1', 'one'],
      ['004#3', 'three'],
    ])
  })

  it('rejects a key that is not a positive integer', () => {
    expect(() => defineDocument('004', 'x', { 0: { title: 'zero', main: say('0') } })).toThrow(
      RangeError,
    )
  })
})

describe('runExample()', () => {
  it('prints a header, then what the example prints, and returns true', async () => {
    const lines: string[] = []
    const ok = await runExample({ id: '000#1', title: 'hello', main: say('hi') }, (line) =>
      lines.push(line),
    )
    expect(ok).toBe(true)
    expect(lines).toEqual(['', '--- 000#1 hello ---', 'hi'])
  })

  it('reports a throwing example with its stack and returns false', async () => {
    const lines: string[] = []
    const ok = await runExample({ id: '000#2', title: 'bad', main: boom }, (line) =>
      lines.push(line),
    )
    expect(ok).toBe(false)
    expect(lines[2]).toMatch(/^!!! 000#2 failed: Error: boom\n\s+at /)
  })
})

describe('runExamples()', () => {
  it('runs the rest after a failure and returns false', async () => {
    const lines: string[] = []
    const doc = defineDocument('000', 'demo', {
      1: { title: 'bad', main: boom },
      2: { title: 'good', main: say('still here') },
    })
    expect(await runExamples(doc, (line) => lines.push(line))).toBe(false)
    expect(lines.slice(-2)).toEqual(['--- 000#2 good ---', 'still here'])
  })
})

describe('runDocument()', () => {
  it('prints the banner before the examples and returns true when all pass', async () => {
    const lines: string[] = []
    const doc = defineDocument('002', 'What a coroutine is', { 1: { title: 'a', main: say('x') } })
    expect(await runDocument(doc, (line) => lines.push(line))).toBe(true)
    expect(lines).toEqual(['=== 002 What a coroutine is ===', '', '--- 002#1 a ---', 'x'])
  })
})

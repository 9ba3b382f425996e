import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { defineDocument } from '../src/index.js'
import {
  capture,
  describeStories,
  expectedFile,
  expectStory,
  findExample,
  leftOpen,
  measuredCounts,
  measuredTimes,
  normaliseOutput,
  openHandles,
} from '../src/testing.js'

let runs = 0
const doc = defineDocument('009', 'demo-kit self-test', {
  1: {
    title: 'prints a measured time and a greenlet name',
    main: async (log = console.log) => {
      log(
        `took ~${(Math.random() + 0.1).toFixed(2)} s in Greenlet-${Math.floor(Math.random() * 99)}`,
      )
      log('slept 1 s')
    },
  },
  3: {
    title: 'prints its lines in an order that timing decides',
    main: async (log = console.log) => {
      const lines = ['ann served', 'bob served', 'cy served']
      if (runs++ % 2 === 1) lines.reverse() // every other run in another order
      for (const line of lines) log(line)
    },
  },
  2: {
    title: 'is left out',
    main: async () => {
      throw new Error('describeStories ran an example it was told to leave out')
    },
  },
})

describe('normaliseOutput()', () => {
  it('hides measured times and greenlet numbers, keeps document durations, ends with a newline', () => {
    expect(normaliseOutput(['took ~0.31 s, ~2.5e-5 s', 'Greenlet-12 slept 1 s'])).toBe(
      'took ~<t> s, ~<t> s\nGreenlet-<n> slept 1 s\n',
    )
  })

  it('hides measured counts and loopback ports, keeps other numbers', () => {
    expect(
      normaliseOutput(['~14 polls, 3 clients, ~1.5 x', 'http://127.0.0.1:41234/ 10.0.0.1:80']),
    ).toBe('~<n> polls, 3 clients, ~1.5 x\nhttp://127.0.0.1:<port>/ 10.0.0.1:80\n')
  })
})

describe('measuredCounts()', () => {
  it('reads the counts printed with a tilde, not the times', () => {
    expect(measuredCounts('~14 polls, ~3 empty, in ~0.4 s and ~2 s')).toEqual([14, 3])
    expect(measuredCounts('3 polls')).toEqual([])
  })
})

describe('measuredTimes()', () => {
  it('reads every measured time of a line, in order', () => {
    expect(measuredTimes('cooperative ~0.31 s, blocking ~2.5e-1 s, 3 s planned')).toEqual([
      0.31, 0.25,
    ])
    expect(measuredTimes('nothing measured')).toEqual([])
  })
})

describe('findExample()', () => {
  it('finds an example by id and names the ids there are when it is missing', () => {
    expect(findExample(doc.examples, '009#2').title).toBe('is left out')
    expect(() => findExample(doc.examples, '009#4')).toThrow('009#1, 009#2, 009#3')
  })
})

describe('capture()', () => {
  it('collects the printed lines', async () => {
    const lines = await capture(findExample(doc.examples, '009#1'))
    expect(lines).toHaveLength(2)
    expect(lines[1]).toBe('slept 1 s')
  })
})

describe('expectedFile()', () => {
  it('points into expected/ next to the running test file', () => {
    const file = expectedFile('009#1')
    expect(file).toMatch(/apps[/\\]demo-kit[/\\]test[/\\]expected[/\\]009#1\.txt$/)
    expect(existsSync(file)).toBe(true)
  })
})

describe('expectStory()', () => {
  it('matches the normalised output with the expected file and returns the raw lines', async () => {
    const lines = await expectStory(findExample(doc.examples, '009#1'))
    expect(measuredTimes(lines[0]!)).toHaveLength(1)
  })

  it('with anyOrder, matches the expected lines in whatever order they came', async () => {
    const example = findExample(doc.examples, '009#3')
    for (let i = 0; i < 2; i++) {
      expect(await expectStory(example, { anyOrder: true })).toHaveLength(3)
    }
  })
})

describe('describeStories()', () => {
  describeStories(doc.examples, { except: ['009#2', '009#3'] })
})

describe('leftOpen()', () => {
  it('names what is still open beyond the baseline, and nothing once it closed', async () => {
    const before = openHandles()
    const timer = setTimeout(() => {}, 10_000)
    expect(await leftOpen(before, 20)).toEqual(['Timeout'])
    clearTimeout(timer)
    expect(await leftOpen(before)).toEqual([])
  })
})

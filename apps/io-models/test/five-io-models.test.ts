import {
  expectStory,
  findExample,
  leftOpen,
  measuredCounts,
  measuredTimes,
  openHandles,
} from '@strand/demo-kit/testing'
import { describe, expect, it } from 'vitest'
import { examples } from '../src/index.js'

// Real sockets on 127.0.0.1 and real time: a virtual clock would jump past the network.
describe('001#9 the five IO models (real clock)', () => {
  let lines: string[] = []
  let left: string[] = []
  const section = (n: number) => {
    const from = lines.findIndex((line) => line.startsWith(`${n}. `))
    const to = lines.findIndex((line) => line.startsWith(`${n + 1}. `))
    return lines.slice(from, to === -1 ? undefined : to)
  }
  const time = (part: string[], prefix: string) =>
    measuredTimes(part.find((line) => line.startsWith(prefix))!)[0]!

  // The tests below look closer at what this one printed.
  it('prints the story of the document', async () => {
    const before = openHandles()
    // The clients of the multiplexing model interleave as timing decides: any order
    // matches the file, and the order that matters is asserted below.
    lines = await expectStory(findExample(examples, '001#9'), { anyOrder: true })
    left = await leftOpen(before)
  })

  it('prints the five models in the order of the document', () => {
    expect(lines.filter((line) => /^\d\. /.test(line)).map((line) => line[0])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ])
  })

  it('blocking: the client waits the server’s 2 s and receives the number it sent', () => {
    const part = section(1)
    const waited = time(part, 'client received') - time(part, 'client waiting')
    expect(waited).toBeGreaterThanOrEqual(1.95)
    expect(waited).toBeLessThan(3.5)
    const sent = /server sends (\d+)/.exec(part.join('\n'))?.[1]
    expect(part).toContain(
      `client received ${sent}, at ~${time(part, 'client received').toFixed(2)} s`,
    )
  })

  it('non-blocking: polls in vain before the client comes, bounded, and upper-cases', () => {
    const part = section(2)
    expect(part.filter((line) => / nothing yet /.test(line))).toHaveLength(3)
    const [polls, empty] = measuredCounts(part.at(-1)!)
    expect(empty).toBeGreaterThanOrEqual(3)
    expect(polls).toBeGreaterThan(empty!)
    expect(polls).toBeLessThanOrEqual(100)
    expect(part).toContain('server received hello, sent HELLO')
    // the answer waits for the server's next poll: up to a poll interval (0.1 s)
    expect(time(part, 'client received HELLO') - time(part, 'client sent hello')).toBeLessThan(1)
  })

  it('multiplexing: one greenlet serves all three clients, their lines interleaved', () => {
    const part = section(3)
    const readers = new Set(part.flatMap((line) => /^server \((.+)\) read/.exec(line)?.[1] ?? []))
    expect(readers.size).toBe(1)
    for (const name of ['ann', 'bob', 'cy']) {
      const upper = name.toUpperCase()
      expect(part.indexOf(`${name} received ${upper}: HELLO`)).toBeGreaterThan(0)
      expect(part.indexOf(`${name} received ${upper}: BYE`)).toBeGreaterThan(
        part.indexOf(`${name} received ${upper}: HELLO`),
      )
    }
    // nobody's "bye" comes before everyone has had their "hello": they were served at once
    const lastHello = Math.max(
      ...['ANN', 'BOB', 'CY'].map((n) => part.findIndex((l) => l.endsWith(`${n}: HELLO`))),
    )
    const firstBye = Math.min(
      ...['ANN', 'BOB', 'CY'].map((n) => part.findIndex((l) => l.endsWith(`${n}: BYE`))),
    )
    expect(lastHello).toBeLessThan(firstBye)
  })

  it('signal-driven and asynchronous: the read happens when the server’s data comes', () => {
    expect(time(section(4), "client's SIGIO handler runs")).toBeGreaterThanOrEqual(0.19)
    expect(section(4).at(-1)).toBe(`client's handler read "data is ready" without waiting`)
    expect(time(section(5), 'completion:')).toBeGreaterThanOrEqual(0.19)
  })

  it('leaves no socket or timer open', () => {
    expect(left).toEqual([])
  })
})

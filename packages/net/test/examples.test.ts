import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { main as boundedServer } from '../examples/bounded-server.js'
import { main as echoServer } from '../examples/echo-server.js'
import { main as nonblocking } from '../examples/nonblocking.js'
import { main as selectServer } from '../examples/select-server.js'
import { expectNoHandlesLeft, handles } from './helpers.js'

let before: Map<string, number>
beforeEach(() => {
  before = handles()
})
afterEach(async () => {
  await expectNoHandlesLeft(before)
})

async function run(main: (log: (line: string) => void) => Promise<void>): Promise<string[]> {
  const lines: string[] = []
  await main((line) => lines.push(line))
  return lines
}

describe('examples', () => {
  it('echo-server: gevent echo server with makefile().readline()', async () => {
    const lines = await run(echoServer)
    expect(lines).toEqual([
      'new connection from 127.0.0.1',
      'client read "Welcome to the echo server! Type quit to exit.\\r\\n"',
      'echoed "hello\\r\\n"',
      'client read "hello\\r\\n"',
      'client quit',
      'client read 0 bytes: end of stream',
    ])
  })

  it('select-server: one greenlet multiplexes three clients', async () => {
    expect(await run(selectServer)).toEqual(['echo: ann', 'echo: bob', 'echo: cy'])
  })

  it('nonblocking: polls recv() until data comes', async () => {
    expect(await run(nonblocking)).toEqual([
      'got "data at last"',
      'asked several times before it came',
    ])
  })

  it('bounded-server: a pool of 2 serves 5 clients, 2 at a time', async () => {
    expect(await run(boundedServer)).toEqual(['5 clients served, at most 2 at once'])
  })
})

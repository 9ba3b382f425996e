import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expectStory, findExample, leftOpen, openHandles } from '@strand/demo-kit/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { examples } from '../src/index.js'
import { startUpperServer, type UpperServer } from '../src/socket-chat/upper-server.js'
import { type Driven, drive } from './drive-child.js'

const CLI = fileURLToPath(new URL('../dist/socket-chat.js', import.meta.url))
if (!existsSync(CLI))
  console.warn(`Skipping the socket-chat CLI tests: run \`npm run build\` first (${CLI}).`)

// Real sockets on 127.0.0.1 and real time: a virtual clock would jump past the network.
describe('001#8 socket server and clients (real clock)', () => {
  let lines: string[] = []
  let left: string[] = []

  // The tests below look closer at what this one printed.
  it('prints the story of the document', async () => {
    const before = openHandles()
    // three clients at once: the order of their lines is timing's; asserted below
    lines = await expectStory(findExample(examples, '001#8'), { anyOrder: true })
    left = await leftOpen(before)
  })

  it('serves every client: each line comes back upper-cased, in its order', () => {
    for (const name of ['ann', 'bob', 'cy']) {
      const typed = lines.filter((l) => l.startsWith(`${name} >>> `) && !l.endsWith(' q'))
      const replies = lines.filter((l) => l.startsWith(`${name} received `))
      expect(replies).toEqual(
        typed.map((l) => `${name} received ${l.slice(name.length + 5).toUpperCase()}`),
      )
      expect(replies).toHaveLength(2)
    }
    expect(lines.at(-1)).toBe('server: 3 clients served, up to 3 at once')
  })

  it('serves them side by side: their conversations interleave', () => {
    const at = (line: string) => lines.indexOf(line)
    const bobFirst = at('bob received BOB: HI THERE')
    expect(bobFirst).toBeGreaterThan(at('ann received ANN: HELLO'))
    expect(bobFirst).toBeLessThan(at('ann received ANN: HOW ARE YOU?'))
  })

  it('leaves no socket open', () => {
    expect(left).toEqual([])
  })
})

describe.skipIf(!existsSync(CLI))(
  'node dist/socket-chat.js client (the interactive client)',
  () => {
    let upper: UpperServer | undefined
    const heard: string[] = []
    const children: Driven[] = []
    const client = () => {
      const driven = drive([CLI, 'client', '--port', String(upper!.server.address[1])])
      children.push(driven)
      return driven
    }
    const start = async () => {
      upper = await startUpperServer((line) => heard.push(line))
    }
    afterEach(async () => {
      for (const c of children.splice(0)) c.child.kill()
      await upper?.server.stop()
      heard.length = 0
    })

    it('sends what is typed on its stdin and prints the reply; q quits and the rest is not sent', async () => {
      await start()
      const c = client()
      c.type('hello')
      await c.waitFor('client received HELLO')
      c.type('q')
      c.type('never sent')
      expect(await c.exited()).toBe(0)
      expect(c.out.trimEnd().split('\n')).toEqual(['>>> hello', 'client received HELLO', '>>> q'])
      expect(heard.filter((l) => l.startsWith('server received'))).toEqual([
        'server received "hello"',
      ])
    })

    it('is served side by side with another one', async () => {
      await start()
      const [a, b] = [client(), client()]
      a.type('one')
      await a.waitFor('client received ONE')
      b.type('two')
      await b.waitFor('client received TWO')
      a.type('three') // a is still connected while b talks
      await a.waitFor('client received THREE')
      a.type('q')
      b.type('q')
      expect([await a.exited(), await b.exited()]).toEqual([0, 0])
      expect(upper!.mostAtOnce).toBe(2)
    })

    // script(1) runs the client on a pseudo-terminal: stdin is a TTY there
    it.skipIf(spawnSync('script', ['--version']).status !== 0)(
      'prompts with >>> on a terminal (a pseudo-terminal through script(1))',
      async () => {
        await start()
        const command = `${process.execPath} ${CLI} client --port ${upper!.server.address[1]}`
        const pty = drive(['-q', '-e', '-c', command, '/dev/null'], 'script')
        children.push(pty)
        await pty.waitFor('>>> ')
        pty.type('hi')
        await pty.waitFor('client received HI')
        pty.type('q')
        expect(await pty.exited()).toBe(0)
        expect(pty.out.match(/>>> /g)).toHaveLength(2) // before "hi", and before "q"
      },
    )
  },
)

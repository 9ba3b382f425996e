import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AF_UNIX, createConnection, StreamServer, socket } from '../src/index.js'
import { expectNoHandlesLeft, handles, upper } from './helpers.js'

let before: Map<string, number>
let dir: string
beforeEach(() => {
  before = handles()
  dir = mkdtempSync(join(tmpdir(), 'strand-net-'))
})
afterEach(async () => {
  await expectNoHandlesLeft(before)
  rmSync(dir, { recursive: true, force: true })
})

describe('Unix sockets', () => {
  it('bind, listen, accept and connect on a path', async () => {
    const path = join(dir, 'raw.sock')
    const l = socket(AF_UNIX)
    await l.bind(path)
    l.listen()
    expect(l.getsockname()).toEqual([path, 0])
    const c = socket(AF_UNIX)
    const accepting = l.accept()
    await c.connect(path)
    const [conn, addr] = await accepting
    expect(addr).toEqual(['', 0])
    expect(c.getpeername()).toEqual([path, 0])
    await c.sendall('over a path')
    expect((await conn.recv(100)).toString()).toBe('over a path')
    c.close()
    expect((await conn.recv(100)).length).toBe(0)
    conn.close()
    await l[Symbol.asyncDispose]()
    expect(existsSync(path)).toBe(false) // the socket file goes with the listener
  })

  it('serve a StreamServer on a path, reached with createConnection(path)', async () => {
    const path = join(dir, 'server.sock')
    const server = new StreamServer(path, async (sock) => {
      for (let d = await sock.recv(100); d.length > 0; d = await sock.recv(100)) {
        await sock.sendall(upper(d))
      }
    })
    await server.start()
    expect(server.address).toEqual([path, 0])
    const c = await createConnection(path, { timeout: 2 })
    expect(c.family).toBe(AF_UNIX)
    await c.sendall('quiet')
    expect((await c.recv(100)).toString()).toBe('QUIET')
    c.close()
    await server.stop()
  })

  it('needs an AF_UNIX socket for a path, and a path for an AF_UNIX socket', () => {
    const inet = socket()
    const unix = socket(AF_UNIX)
    expect(() => inet.bind(join(dir, 'x.sock'))).toThrow(/socket\(AF_UNIX\)/)
    expect(() => unix.connect(['127.0.0.1', 80])).toThrow(/path for an AF_UNIX socket/)
    inet.close()
    unix.close()
  })
})

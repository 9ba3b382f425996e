import {
  type ErrorHandler,
  type Greenlet,
  GreenletExit,
  getCurrent,
  getHub,
  sleep,
  spawn,
} from '@strand/core'
import { Event } from '@strand/event'
import { Pool } from '@strand/pool'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ConnectionRefusedError,
  createConnection,
  type Socket,
  StreamServer,
  socket,
} from '../src/index.js'
import { expectNoHandlesLeft, handles } from './helpers.js'
import { listener } from './pair.js'

let before: Map<string, number>
let errors: { err: unknown; g: Greenlet | null }[]
let savedHandler: ErrorHandler
beforeEach(() => {
  before = handles()
  errors = []
  savedHandler = getHub().handleError
  getHub().handleError = (err, g) => errors.push({ err, g })
})
afterEach(async () => {
  getHub().handleError = savedHandler
  await expectNoHandlesLeft(before)
})

async function readAll(sock: Socket): Promise<string> {
  let out = ''
  for (let d = await sock.recv(1024); d.length > 0; d = await sock.recv(1024)) out += d
  return out
}

describe('StreamServer', () => {
  it('refuses connections before start() and after stop()', async () => {
    const server = new StreamServer(['127.0.0.1', 0], (sock) => sock.sendall('hi'))
    expect(server.started).toBe(false)
    expect(server.closed).toBe(true)
    await server.start()
    expect(server.started).toBe(true)
    expect(server.closed).toBe(false)
    const addr = server.address
    for (let i = 0; i < 2; i++) {
      const c = await createConnection(addr)
      expect(await readAll(c)).toBe('hi')
      c.close()
    }
    await server.stop()
    expect(server.started).toBe(false)
    await expect(createConnection(addr)).rejects.toBeInstanceOf(ConnectionRefusedError)
  })

  it('closes the connection when the handler returns: the client reads EOF', async () => {
    const server = new StreamServer(['127.0.0.1', 0], () => {})
    await server.start()
    const c = await createConnection(server.address, { timeout: 2 })
    expect((await c.recv(10)).length).toBe(0)
    c.close()
    await server.stop()
  })

  it('closes the connection of a handler that is killed: the client reads EOF', async () => {
    const started = new Event()
    let handler: Greenlet | null = null
    const server = new StreamServer(['127.0.0.1', 0], async (sock) => {
      handler = getCurrent()
      started.set()
      await sock.recv(10) // never gets anything
    })
    await server.start()
    const c = await createConnection(server.address, { timeout: 2 })
    await started.wait({ timeout: 2 })
    await handler!.kill()
    expect(handler!.value).toBeInstanceOf(GreenletExit)
    expect((await c.recv(10)).length).toBe(0)
    expect(server.connections).toBe(0)
    c.close()
    await server.stop()
    expect(errors).toEqual([])
  })

  it('reports a failing handler once through the hub, closes its connection and goes on', async () => {
    const boom = new Error('handler broke')
    let calls = 0
    const server = new StreamServer(['127.0.0.1', 0], async (sock) => {
      if (++calls === 1) throw boom
      await sock.sendall('fine')
    })
    await server.start()
    const c1 = await createConnection(server.address, { timeout: 2 })
    expect((await c1.recv(10)).length).toBe(0)
    const c2 = await createConnection(server.address, { timeout: 2 })
    expect(await readAll(c2)).toBe('fine')
    await sleep(0.01)
    expect(errors.map((e) => e.err)).toEqual([boom])
    c1.close()
    c2.close()
    await server.stop()
  })

  it('with pool, never runs more handlers than that and drops no connection', async () => {
    let running = 0
    let most = 0
    const server = new StreamServer(
      ['127.0.0.1', 0],
      async (sock) => {
        running++
        most = Math.max(most, running)
        await sleep(0.01)
        await sock.sendall(`served ${(await sock.recv(10)).toString()}`)
        running--
      },
      { pool: 3 },
    )
    await server.start()
    const clients = Array.from({ length: 20 }, (_, i) =>
      spawn(async () => {
        const c = await createConnection(server.address, { timeout: 5 })
        try {
          await c.sendall(String(i))
          return await readAll(c)
        } finally {
          c.close()
        }
      }),
    )
    const replies = await Promise.all(clients.map((g) => g.get()))
    expect(replies).toEqual(Array.from({ length: 20 }, (_, i) => `served ${i}`))
    expect(most).toBe(3)
    await server.stop()
  })

  it('with a full pool, a new connection waits (unserved, not dropped) until a slot frees', async () => {
    const release = new Event()
    const pool = new Pool(1)
    const server = new StreamServer(
      ['127.0.0.1', 0],
      async (sock) => {
        const what = (await sock.recv(10)).toString()
        if (what === 'long') await release.wait()
        await sock.sendall(`done ${what}`)
      },
      { pool },
    )
    await server.start()
    const long = await createConnection(server.address, { timeout: 2 })
    await long.sendall('long')
    await sleep(0.02)
    const short = await createConnection(server.address)
    await short.sendall('short')
    short.settimeout(0.1)
    // gevent's assertPoolFull: the request is not served while the slot is taken
    for (let i = 0; i < 3; i++) await expect(short.recv(10)).rejects.toThrow(/timed out/)
    release.set()
    expect(await readAll(long)).toBe('done long')
    short.settimeout(2)
    expect(await readAll(short)).toBe('done short')
    long.close()
    short.close()
    await server.stop()
  })

  it('stop() kills a stuck handler after its timeout and closes its connection', async () => {
    let handler: Greenlet | null = null
    const server = new StreamServer(['127.0.0.1', 0], async () => {
      handler = getCurrent()
      await sleep(60)
    })
    await server.start()
    const c = await createConnection(server.address, { timeout: 2 })
    await sleep(0.02)
    expect(server.connections).toBe(1)
    const start = performance.now()
    await server.stop({ timeout: 0.1 })
    const took = (performance.now() - start) / 1000
    expect(took).toBeGreaterThan(0.08)
    expect(took).toBeLessThan(1.5)
    expect(handler!.dead).toBe(true)
    expect(server.connections).toBe(0)
    expect((await c.recv(10)).length).toBe(0)
    c.close()
  })

  it('stop() waits for handlers that end within its timeout', async () => {
    let finished = false
    const server = new StreamServer(['127.0.0.1', 0], async () => {
      await sleep(0.05)
      finished = true
    })
    await server.start()
    const c = await createConnection(server.address)
    await sleep(0.01)
    await server.stop({ timeout: 2 })
    expect(finished).toBe(true)
    c.close()
  })

  it('serveForever() runs until stop(); killing it stops the server', async () => {
    const server = new StreamServer(['127.0.0.1', 0], (sock) => sock.sendall('pong'))
    const serving = spawn(() => server.serveForever())
    for (let i = 0; i < 100 && !server.started; i++) await sleep(0.01)
    const addr = server.address
    const c = await createConnection(addr)
    expect(await readAll(c)).toBe('pong')
    c.close()
    await serving.kill()
    expect(server.started).toBe(false)
    await expect(createConnection(addr)).rejects.toBeInstanceOf(ConnectionRefusedError)

    const again = spawn(() => server.serveForever()) // a server given an address can restart
    for (let i = 0; i < 100 && !server.started; i++) await sleep(0.01)
    await server.stop()
    await again.join({ timeout: 1 })
    expect(again.successful()).toBe(true)
  })

  it('serves an existing listening socket, and accepts no backlog with one', async () => {
    const l = await listener()
    expect(() => new StreamServer(l, () => {}, { backlog: 25 })).toThrow(TypeError)
    const server = new StreamServer(l, (sock, addr) => sock.sendall(`${addr[0]}`))
    await server.start()
    const c = await createConnection(l.getsockname())
    expect(await readAll(c)).toBe('127.0.0.1')
    c.close()
    await server.stop()
    expect(l.closed).toBe(true)
  })

  it('ends quietly when its listening socket is closed under it', async () => {
    const l = await listener()
    const server = new StreamServer(l, () => {})
    await server.start()
    l.close()
    await sleep(0.02)
    expect(errors).toEqual([])
    expect(server.closed).toBe(true)
    await server.stop()
  })

  it('rejects bad arguments synchronously', () => {
    expect(() => new StreamServer(['127.0.0.1', 99999], () => {})).toThrow(RangeError)
    expect(() => new StreamServer(['127.0.0.1', 0], 'x' as never)).toThrow(/`handle`/)
    expect(() => new StreamServer(['127.0.0.1', 0], () => {}, { pool: 0 })).toThrow(RangeError)
    expect(() => new StreamServer(['127.0.0.1', 0], () => {}, { backlog: -1 })).toThrow(RangeError)
    const s = socket()
    s.close()
  })
})

import { sleep, spawn } from '@strand/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BlockingIOError, type Socket, SocketError, select, socket } from '../src/index.js'
import { expectNoHandlesLeft, handles } from './helpers.js'
import { listener, pair } from './pair.js'

let before: Map<string, number>
beforeEach(() => {
  before = handles()
})
afterEach(async () => {
  await expectNoHandlesLeft(before)
})

describe('non-blocking mode', () => {
  it('recv() rejects with BlockingIOError while nothing has arrived, then returns the data', async () => {
    const p = await pair()
    p.client.setblocking(false)
    expect(p.client.getblocking()).toBe(false)
    expect(p.client.gettimeout()).toBe(0)
    const err = (await p.client.recv(10).catch((e: unknown) => e)) as BlockingIOError
    expect(err).toBeInstanceOf(BlockingIOError)
    expect(err).toBeInstanceOf(SocketError)
    expect(err.errno).toBe('EAGAIN')
    expect(err.code).toBe('ERR_SOCKET_WOULD_BLOCK')
    await p.conn.sendall('now')
    // poll, as a Python program would, but bounded
    let data: Buffer | null = null
    for (let i = 0; i < 100 && data === null; i++) {
      try {
        data = await p.client.recv(10)
      } catch (e) {
        if (!(e instanceof BlockingIOError)) throw e
        await sleep(0.005)
      }
    }
    expect(data?.toString()).toBe('now')
    p.close()
  })

  it('accept() rejects with BlockingIOError until a client connects', async () => {
    const l = await listener()
    l.setblocking(false)
    await expect(l.accept()).rejects.toBeInstanceOf(BlockingIOError)
    const c = socket()
    await c.connect(l.getsockname())
    await select([l], [], [], 1)
    const [conn, addr] = await l.accept()
    expect(addr).toEqual(c.getsockname())
    conn.close()
    c.close()
    l.close()
  })

  it('connect() starts and rejects with EINPROGRESS; select() reports it writable once connected', async () => {
    const l = await listener()
    const c = socket()
    c.setblocking(false)
    const err = (await c.connect(l.getsockname()).catch((e: unknown) => e)) as BlockingIOError
    expect(err).toBeInstanceOf(BlockingIOError)
    expect(err.errno).toBe('EINPROGRESS')
    const [, w] = await select([], [c], [], 1)
    expect(w).toEqual([c])
    expect(await c.send('hi')).toBe(2)
    const [conn] = await l.accept()
    l.settimeout(1)
    expect((await conn.recv(10)).toString()).toBe('hi')
    conn.close()
    c.close()
    l.close()
  })

  it('setblocking(true) waits again without limit', async () => {
    const p = await pair()
    p.client.setblocking(false)
    p.client.setblocking(true)
    expect(p.client.gettimeout()).toBe(null)
    const reader = spawn(() => p.client.recv(10))
    await sleep(0.02)
    expect(reader.dead).toBe(false)
    await p.conn.sendall('x')
    expect((await reader.get()).toString()).toBe('x')
    p.close()
  })
})

describe('select()', () => {
  it('returns three empty lists after the timeout when nothing is ready', async () => {
    const p = await pair()
    const start = performance.now()
    const result = await select([p.client, p.conn], [], [p.client], 0.1)
    const took = (performance.now() - start) / 1000
    expect(result).toEqual([[], [], []])
    expect(took).toBeGreaterThan(0.08)
    expect(took).toBeLessThan(1)
    p.close()
  })

  it('polls with timeout 0', async () => {
    const p = await pair()
    expect(await select([p.client], [], [], 0)).toEqual([[], [], []])
    const [r, w] = await select([p.client], [p.client], [], 0)
    expect(r).toEqual([])
    expect(w).toEqual([p.client])
    p.close()
  })

  it('without a timeout, waits until one socket is readable and returns only that one', async () => {
    const a = await pair()
    const b = await pair()
    spawn(async () => {
      await sleep(0.03)
      await b.conn.sendall('ping')
    })
    const [r, w, x] = await select([a.client, b.client], [], [])
    expect(r).toEqual([b.client])
    expect(w).toEqual([])
    expect(x).toEqual([])
    expect((await b.client.recv(10)).toString()).toBe('ping')
    a.close()
    b.close()
  })

  it('reports a listener readable when a connection waits to be accepted', async () => {
    const l = await listener()
    const c = socket()
    const selecting = spawn(() => select([l], [], [], 2))
    await sleep(0.01)
    await c.connect(l.getsockname())
    expect((await selecting.get())[0]).toEqual([l])
    const [conn] = await l.accept()
    conn.close()
    c.close()
    l.close()
  })

  it('reports end of stream as readable', async () => {
    const p = await pair()
    p.conn.close()
    const [r] = await select([p.client], [], [], 1)
    expect(r).toEqual([p.client])
    expect((await p.client.recv(10)).length).toBe(0)
    p.close()
  })

  it('returns a socket closed while it waits as ready', async () => {
    const p = await pair()
    const selecting = spawn(() => select([p.client], [], [], 2))
    await sleep(0.01)
    p.client.close()
    expect((await selecting.get())[0]).toEqual([p.client])
    p.close()
  })

  it('is interrupted by kill() and stops watching its sockets', async () => {
    const p = await pair()
    const selecting = spawn(() => select([p.client], [], []))
    await sleep(0.01)
    await selecting.kill()
    expect(selecting.dead).toBe(true)
    await p.conn.sendall('after')
    expect((await p.client.recv(10)).toString()).toBe('after')
    p.close()
  })

  it('throws synchronously for what is not a socket, a closed socket or a bad timeout', () => {
    const s = socket()
    expect(() => select([1 as unknown as Socket], [], [])).toThrow(/`rlist\[0\]` to be a Socket/)
    expect(() => select([], [], [], -1)).toThrow(RangeError)
    expect(() => select(null as never, [], [])).toThrow(TypeError)
    s.close()
    expect(() => select([], [s], [])).toThrow(/closed socket/)
  })
})

import { GreenletExit, sleep, spawn, Timeout, withTimeout } from '@strand/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createConnection, SocketTimeout, setdefaulttimeout, socket } from '../src/index.js'
import { expectNoHandlesLeft, handles } from './helpers.js'
import { listener, pair } from './pair.js'

let before: Map<string, number>
beforeEach(() => {
  before = handles()
})
afterEach(async () => {
  await expectNoHandlesLeft(before)
})

describe('settimeout()', () => {
  it('fails a recv() that gets nothing in time with SocketTimeout, after about that long', async () => {
    const p = await pair()
    p.client.settimeout(0.1)
    expect(p.client.gettimeout()).toBe(0.1)
    const start = performance.now()
    const err = (await p.client.recv(1024).catch((e: unknown) => e)) as SocketTimeout
    const took = (performance.now() - start) / 1000
    expect(err).toBeInstanceOf(SocketTimeout)
    expect(err.seconds).toBe(0.1)
    expect(err.errno).toBe('ETIMEDOUT')
    expect(err.message).toMatch(/recv\(\) on 127\.0\.0\.1:\d+ timed out after 0\.1 seconds/)
    expect(took).toBeGreaterThan(0.08)
    expect(took).toBeLessThan(1)
    p.close()
  })

  it('keeps data that arrives after a timed-out recv() for the next one', async () => {
    const p = await pair()
    p.client.settimeout(0.05)
    await expect(p.client.recv(10)).rejects.toBeInstanceOf(SocketTimeout)
    await p.conn.sendall('late')
    p.client.settimeout(1)
    expect((await p.client.recv(10)).toString()).toBe('late')
    p.close()
  })

  it('limits accept() too', async () => {
    const l = await listener()
    l.settimeout(0.05)
    await expect(l.accept()).rejects.toBeInstanceOf(SocketTimeout)
    l.close()
  })

  it('limits a sendall() waiting for a peer that does not read', async () => {
    const p = await pair()
    p.client.settimeout(0.2)
    const chunk = Buffer.alloc(1 << 20, 120)
    const start = performance.now()
    let sent = 0
    const err = await (async () => {
      for (let i = 0; i < 512; i++) {
        await p.client.sendall(chunk)
        sent += chunk.length
      }
    })().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(SocketTimeout)
    expect((err as Error).message).toMatch(/sendall\(\)/)
    expect(sent).toBeLessThan(256 << 20)
    expect(performance.now() - start).toBeLessThan(5000)
    p.close()
  })

  it('is inherited from setdefaulttimeout() by new sockets', () => {
    setdefaulttimeout(3)
    try {
      const s = socket()
      expect(s.gettimeout()).toBe(3)
      s.close()
    } finally {
      setdefaulttimeout(null)
    }
    const s = socket()
    expect(s.gettimeout()).toBe(null)
    s.close()
  })

  it('rejects a bad number of seconds synchronously', () => {
    const s = socket()
    expect(() => s.settimeout(-1)).toThrow(RangeError)
    expect(() => s.settimeout('1' as never)).toThrow(TypeError)
    s.close()
  })

  it('is the socket timeout of createConnection({ timeout })', async () => {
    const l = await listener()
    const c = await createConnection(l.getsockname(), { timeout: 0.05 })
    expect(c.gettimeout()).toBe(0.05)
    await expect(c.recv(1)).rejects.toBeInstanceOf(SocketTimeout)
    c.close()
    l.close()
  })
})

describe('interrupting a socket wait', () => {
  it('kill() interrupts a recv() at once, and the data that comes later is not lost', async () => {
    const p = await pair()
    const reader = spawn(() => p.client.recv(10))
    await sleep(0.01)
    await reader.kill()
    expect(reader.value).toBeInstanceOf(GreenletExit)
    await p.conn.sendall('kept')
    expect((await p.client.recv(10)).toString()).toBe('kept')
    p.close()
  })

  it('a Timeout interrupts a recv() and raises itself', async () => {
    const p = await pair()
    const t = Timeout.startNew(0.05)
    const err = await p.client.recv(10).catch((e: unknown) => e)
    t.cancel()
    expect(err).toBe(t)
    await p.conn.sendall('still here')
    expect((await p.client.recv(100)).toString()).toBe('still here')
    p.close()
  })

  it('withTimeout() interrupts an accept()', async () => {
    const l = await listener()
    expect(await withTimeout(0.05, () => l.accept(), { timeoutValue: 'none' })).toBe('none')
    // the listener still works
    const c = await createConnection(l.getsockname())
    const [conn] = await l.accept()
    conn.close()
    c.close()
    l.close()
  })

  it('kill() abandons a connect() in flight; the socket can connect again', async () => {
    const l = await listener()
    const s = socket()
    const g = spawn(() => s.connect(l.getsockname()))
    await sleep(0) // g runs up to its wait; the connect completes only on a later I/O turn
    await g.kill()
    expect(g.value).toBeInstanceOf(GreenletExit)
    expect(() => s.getpeername()).toThrow(/not connected/)
    await s.connect(l.getsockname())
    await s.sendall('second try')
    // (had the first attempt reached the listener, its connection would be closed and empty)
    let got = ''
    for (let i = 0; i < 2 && got === ''; i++) {
      const [conn] = await l.accept()
      got = (await conn.recv(100)).toString()
      conn.close()
    }
    expect(got).toBe('second try')
    s.close()
    l.close()
  })
})

import { createServer, type Server } from 'node:net'
import { inspect } from 'node:util'
import { sleep, spawn } from '@strand/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ConnectionRefusedError,
  ConnectionResetError,
  createConnection,
  SHUT_WR,
  type Socket,
  SocketError,
  StreamServer,
  socket,
} from '../src/index.js'
import { expectNoHandlesLeft, handles } from './helpers.js'
import { listener, pair } from './pair.js'

let before: Map<string, number>
beforeEach(() => {
  before = handles()
})
afterEach(async () => {
  await expectNoHandlesLeft(before)
})

function closedNodeServer(): Promise<number> {
  // a port that was free a moment ago: nothing listens on it now
  return new Promise((resolve) => {
    const srv: Server = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port
      srv.close(() => resolve(port))
    })
  })
}

describe('Socket', () => {
  it('binds port 0 to a free port and reports it with getsockname()', async () => {
    const l = await listener()
    const [host, port] = l.getsockname()
    expect(host).toBe('127.0.0.1')
    expect(port).toBeGreaterThan(0)
    l.close()
  })

  it('accepts a connection and returns the peer address', async () => {
    const p = await pair()
    const [, addr] = [p.conn, p.conn.getpeername()]
    expect(addr).toEqual(p.client.getsockname())
    expect(p.client.getpeername()).toEqual(p.l.getsockname())
    p.close()
  })

  it('recv() returns up to n bytes, keeping the rest for the next call', async () => {
    const p = await pair()
    await p.client.sendall('hello world')
    await sleep(0.02)
    expect((await p.conn.recv(5)).toString()).toBe('hello')
    expect((await p.conn.recv(100)).toString()).toBe(' world')
    p.close()
  })

  it('joins several received chunks into one recv() when they fit', async () => {
    const p = await pair()
    await p.client.sendall('ab')
    await sleep(0.02)
    await p.client.sendall('cd')
    await sleep(0.02)
    expect((await p.conn.recv(10)).toString()).toBe('abcd')
    p.close()
  })

  it('recv() returns an empty Buffer at end of stream, every time', async () => {
    const p = await pair()
    await p.client.sendall('last')
    p.client.shutdown(SHUT_WR)
    expect((await p.conn.recv(100)).toString()).toBe('last')
    expect((await p.conn.recv(100)).length).toBe(0)
    expect((await p.conn.recv(100)).length).toBe(0)
    // half-closed: the other direction still works
    await p.conn.sendall('reply')
    expect((await p.client.recv(100)).toString()).toBe('reply')
    p.close()
  })

  it('serves several greenlets waiting in recv() in the order they came', async () => {
    const p = await pair()
    const got: string[] = []
    const readers = [1, 2].map((i) =>
      spawn(async () => {
        got.push(`${i}:${(await p.conn.recv(3)).toString()}`)
      }),
    )
    await sleep(0.01)
    await p.client.sendall('abcdef')
    await readers[0]!.join()
    await readers[1]!.join()
    expect(got).toEqual(['1:abc', '2:def'])
    p.close()
  })

  it('send() resolves to the number of bytes and sendall() to nothing', async () => {
    const p = await pair()
    expect(await p.client.send(Buffer.from('héllo'))).toBe(6)
    expect(await p.client.send('')).toBe(0)
    expect(await p.client.sendall(new Uint8Array([33]))).toBeUndefined()
    await sleep(0.02)
    expect((await p.conn.recv(100)).toString()).toBe('héllo!')
    p.close()
  })

  it('fails a recv() waiting while another greenlet closes the socket with EBADF', async () => {
    const p = await pair()
    const reader = spawn(() => p.client.recv(25))
    await sleep(0.01)
    p.client.close()
    await reader.join({ timeout: 1 })
    expect(reader.dead).toBe(true)
    expect(reader.exception).toBeInstanceOf(SocketError)
    expect((reader.exception as SocketError).errno).toBe('EBADF')
    p.close()
  })

  it('raises ConnectionResetError once when the peer resets, then reads end of stream', async () => {
    const srv = createServer((s) => s.once('data', () => s.resetAndDestroy()))
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
    try {
      const port = (srv.address() as { port: number }).port
      const conn = await createConnection(['127.0.0.1', port])
      await conn.sendall('x')
      const err = await conn.recv(10).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(ConnectionResetError)
      expect((err as Error).message).toContain(`127.0.0.1:${port}`)
      expect((await conn.recv(10)).length).toBe(0)
      conn.close()
    } finally {
      await new Promise((r) => srv.close(r))
    }
  })

  it('rejects connect() with ConnectionRefusedError naming the address', async () => {
    const port = await closedNodeServer()
    const s = socket()
    const err = await s.connect(['127.0.0.1', port]).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ConnectionRefusedError)
    expect(err).toBeInstanceOf(SocketError)
    expect((err as ConnectionRefusedError).errno).toBe('ECONNREFUSED')
    expect((err as Error).message).toContain(`127.0.0.1:${port}`)
    expect((err as ConnectionRefusedError).code).toBe('ERR_SOCKET_CONNECTION_REFUSED')
    // a failed connect leaves the socket free to try again
    const l = await listener()
    await s.connect(l.getsockname())
    s.close()
    l.close()
  })

  it('closes the socket of a createConnection() that failed', async () => {
    const port = await closedNodeServer()
    await expect(createConnection(['127.0.0.1', port])).rejects.toBeInstanceOf(
      ConnectionRefusedError,
    )
  })

  it('rejects bind() to an address in use with EADDRINUSE and the address', async () => {
    const l = await listener()
    const [host, port] = l.getsockname()
    const s = socket()
    const err = (await s.bind([host, port]).catch((e: unknown) => e)) as SocketError
    expect(err).toBeInstanceOf(SocketError)
    expect(err.errno).toBe('EADDRINUSE')
    expect(err.message).toContain(`127.0.0.1:${port}`)
    s.close()
    l.close()
  })

  it('closes when a using block ends, and releases the handle with await using', async () => {
    let outer: Socket
    {
      await using l = await listener()
      outer = l
      using c = socket()
      await c.connect(l.getsockname())
      expect(c.closed).toBe(false)
    }
    expect(outer.closed).toBe(true)
  })

  it('shows its family, state and peer in util.inspect', async () => {
    const s = socket()
    expect(inspect(s)).toBe('Socket(AF_INET, new)')
    s.close()
    expect(inspect(s)).toBe('Socket(AF_INET, closed)')
    expect(String(s)).toBe('<Socket(AF_INET, closed)>')
    const p = await pair()
    const [host, port] = p.l.getsockname()
    expect(inspect(p.client)).toBe(`Socket(AF_INET, connected to ${host}:${port})`)
    const server = new StreamServer(p.l, () => {})
    expect(inspect(server)).toBe(`StreamServer(${host}:${port}, stopped, 0 connections)`)
    expect(inspect(p.l)).toBe(
      `Socket(AF_INET, listening on ${host}:${port}, 0 connections waiting)`,
    )
    p.close()
  })
})

describe('Socket bad input', () => {
  it('throws synchronously for a port out of range, naming it', () => {
    const s = socket()
    expect(() => s.connect(['127.0.0.1', 70000])).toThrow(RangeError)
    expect(() => s.connect(['127.0.0.1', 70000])).toThrow(/port of `addr`.*65535.*70000/)
    expect(() => s.bind(['127.0.0.1', -1])).toThrow(RangeError)
    expect(() => s.connect(['127.0.0.1', 0])).toThrow(/from 1 to 65535/)
    expect(() => s.connect('/tmp/x' as never)).toThrow(/AF_UNIX/)
    expect(() => s.connect([1, 2] as never)).toThrow(TypeError)
    s.close()
  })

  it('throws synchronously for recv(-1) and a non-integer size', async () => {
    const p = await pair()
    expect(() => p.conn.recv(-1)).toThrow(RangeError)
    expect(() => p.conn.recv(-1)).toThrow(
      'Expected `n` to be an integer from 0 and up, got `-1` (number)',
    )
    expect(() => p.conn.recv(1.5)).toThrow(RangeError)
    expect(() => p.conn.recv('1' as never)).toThrow(TypeError)
    expect(() => p.conn.send(42 as never)).toThrow(TypeError)
    expect(() => p.conn.shutdown(7)).toThrow(RangeError)
    p.close()
  })

  it('throws synchronously for any call on a closed socket (EBADF)', () => {
    const s = socket()
    s.close()
    s.close() // idempotent
    for (const call of [
      () => s.recv(1),
      () => s.send('x'),
      () => s.sendall('x'),
      () => s.connect(['127.0.0.1', 1]),
      () => s.bind(['127.0.0.1', 0]),
      () => s.listen(),
      () => s.accept(),
      () => s.shutdown(SHUT_WR),
      () => s.getsockname(),
    ]) {
      expect(call).toThrow(SocketError)
      expect(call).toThrow(/closed socket/)
    }
  })

  it('throws synchronously for listen() before bind() and accept() before listen()', async () => {
    const s = socket()
    expect(() => s.listen()).toThrow(/listen\(\) before bind\(\)/)
    expect(() => s.accept()).toThrow(/accept\(\) before listen\(\)/)
    expect(() => s.recv(1)).toThrow(/not connected/)
    await s.bind(['127.0.0.1', 0])
    expect(() => s.accept()).toThrow(/accept\(\) before listen\(\)/)
    expect(() => s.listen(-1)).toThrow(RangeError)
    s.listen(5)
    expect(() => s.recv(1)).toThrow(/listening socket/)
    expect(() => s.connect(['127.0.0.1', 1])).toThrow(/bound socket/)
    s.close()
  })

  it('refuses datagram sockets and unknown families', () => {
    expect(() => socket(2, 2)).toThrow(/SOCK_STREAM/)
    expect(() => socket(99)).toThrow(/AF_INET/)
  })
})

import { joinAll, spawn } from '@strand/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SHUT_WR, SocketError, SocketTimeout } from '../src/index.js'
import { expectNoHandlesLeft, handles } from './helpers.js'
import { pair } from './pair.js'

let before: Map<string, number>
beforeEach(() => {
  before = handles()
})
afterEach(async () => {
  await expectNoHandlesLeft(before)
})

describe('makefile()', () => {
  it('reads lines across chunks, then the rest without a newline, then empty', async () => {
    const p = await pair()
    const f = p.conn.makefile('rb')
    await p.client.sendall('one\ntw')
    await p.client.sendall('o\nthree')
    p.client.shutdown(SHUT_WR)
    expect((await f.readline()).toString()).toBe('one\n')
    expect((await f.readline()).toString()).toBe('two\n')
    expect((await f.readline()).toString()).toBe('three')
    expect((await f.readline()).length).toBe(0)
    expect((await f.read()).length).toBe(0)
    p.close()
  })

  it('iterates lines with for await until end of stream', async () => {
    const p = await pair()
    await p.client.sendall('a\nb\nc')
    p.client.close()
    const lines: string[] = []
    for await (const line of p.conn.makefile()) lines.push(line.toString())
    expect(lines).toEqual(['a\n', 'b\n', 'c'])
    p.close()
  })

  it('read(n) waits for n bytes; readline(size) caps a long line', async () => {
    const p = await pair()
    const f = p.conn.makefile('rb')
    const reading = spawn(() => f.read(6))
    await p.client.sendall('abc')
    await p.client.sendall('defgh\nrest\n')
    expect((await reading.get()).toString()).toBe('abcdef')
    expect((await f.readline(1)).toString()).toBe('g')
    expect((await f.readline()).toString()).toBe('h\n')
    expect((await f.readline(100)).toString()).toBe('rest\n')
    p.close()
  })

  it('times out like recv and keeps what it read so far (gevent test_makefile_timeout)', async () => {
    const p = await pair()
    p.conn.settimeout(0.05)
    const f = p.conn.makefile('rb')
    await p.client.sendall('half a ')
    await expect(f.readline()).rejects.toBeInstanceOf(SocketTimeout)
    await p.client.sendall('line\n')
    expect((await f.readline()).toString()).toBe('half a line\n')
    p.close()
  })

  it('writes through sendall, and refuses what its mode does not allow', async () => {
    const p = await pair()
    const w = p.client.makefile('wb')
    expect(await w.write('over the file\n')).toBe(14)
    await w.flush()
    expect(() => w.readline()).toThrow(/mode 'wb'/)
    expect(() => p.conn.makefile('rb').write('x')).toThrow(/mode 'rb'/)
    expect(() => p.conn.makefile('x')).toThrow(RangeError)
    expect((await p.conn.makefile().readline()).toString()).toBe('over the file\n')
    w.close()
    expect(w.closed).toBe(true)
    expect(() => w.write('x')).toThrow(SocketError)
    p.close()
  })
})

describe('full duplex', () => {
  it('reads in one greenlet while another writes on the same socket (gevent test_fullduplex)', async () => {
    const p = await pair()
    const big = Buffer.alloc(1 << 20, 116)
    const sender = spawn(() => p.conn.sendall(big))
    const reader = spawn(() => p.conn.recv(1000))
    const drain = spawn(async () => {
      let got = 0
      while (got < big.length) got += (await p.client.recv(65536)).length
      return got
    })
    await p.client.sendall('hello world')
    await joinAll([sender, reader, drain], { raiseError: true, timeout: 5 })
    expect((await reader.get()).toString()).toBe('hello world')
    expect(await drain.get()).toBe(big.length)
    p.close()
  })
})

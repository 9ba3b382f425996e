import { joinAll, spawn } from '@strand/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createConnection, type Socket, StreamServer } from '../src/index.js'
import { expectNoHandlesLeft, handles, upper } from './helpers.js'

let before: Map<string, number>
beforeEach(() => {
  before = handles()
})
afterEach(async () => {
  await expectNoHandlesLeft(before)
})

async function upperEcho(sock: Socket): Promise<void> {
  for (;;) {
    const data = await sock.recv(4096)
    if (data.length === 0) return
    await sock.sendall(upper(data))
  }
}

async function recvExactly(sock: Socket, n: number): Promise<Buffer> {
  const parts: Buffer[] = []
  let got = 0
  while (got < n) {
    const chunk = await sock.recv(n - got)
    if (chunk.length === 0) break
    parts.push(chunk)
    got += chunk.length
  }
  return Buffer.concat(parts)
}

describe('StreamServer', () => {
  it('upper-cases what 100 concurrent clients send, each on its own connection', async () => {
    const server = new StreamServer(['127.0.0.1', 0], upperEcho)
    await server.start()
    const [host, port] = server.address
    expect(host).toBe('127.0.0.1')
    expect(port).toBeGreaterThan(0)
    const clients = Array.from({ length: 100 }, (_, i) =>
      spawn(async () => {
        const conn = await createConnection([host, port], { timeout: 10 })
        try {
          const replies: string[] = []
          for (let round = 0; round < 5; round++) {
            const msg = `client ${i} round ${round};`
            await conn.sendall(msg)
            replies.push((await recvExactly(conn, Buffer.byteLength(msg))).toString())
          }
          conn.shutdown(1)
          const eof = await conn.recv(10)
          return { replies, eof: eof.length }
        } finally {
          conn.close()
        }
      }),
    )
    await joinAll(clients, { raiseError: true })
    for (const [i, g] of clients.entries()) {
      const { replies, eof } = await g.get()
      expect(replies).toEqual(Array.from({ length: 5 }, (_, r) => `CLIENT ${i} ROUND ${r};`))
      expect(eof).toBe(0)
    }
    await server.stop()
    expect(server.closed).toBe(true)
  })
})

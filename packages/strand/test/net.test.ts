import * as net from '@strand/net'
import { describe, expect, it } from 'vitest'
import * as strand from '../src/index.js'
import * as strandNet from '../src/net.js'

describe('strand/net', () => {
  it('re-exports every runtime export of @strand/net, as the same object', () => {
    for (const [key, value] of Object.entries(net)) {
      expect((strandNet as Record<string, unknown>)[key], key).toBe(value)
    }
    expect(Object.keys(strandNet).sort()).toEqual(Object.keys(net).sort())
  })

  it('is a subpath: the main entry does not carry the sockets', () => {
    expect('socket' in strand).toBe(false)
    expect('StreamServer' in strand).toBe(false)
  })

  it('serves a connection with the umbrella hub', async () => {
    const server = new strandNet.StreamServer(['127.0.0.1', 0], (sock) => sock.sendall('hi'))
    await server.start()
    const conn = await strandNet.createConnection(server.address, { timeout: 2 })
    expect((await conn.recv(10)).toString()).toBe('hi')
    conn.close()
    await server.stop()
  })
})

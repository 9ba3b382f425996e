import { Event } from '@strand/event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createConnection, type Socket, StreamServer } from '../src/index.js'
import { access } from '../src/internal/access.js'
import { HIGH_WATER } from '../src/internal/stream-side.js'
import { expectNoHandlesLeft, handles } from './helpers.js'

let before: Map<string, number>
beforeEach(() => {
  before = handles()
})
afterEach(async () => {
  await expectNoHandlesLeft(before)
})

const CHUNK = 64 * 1024
const MAX_BYTES = 256 << 20 // what the sender would push if nothing held it back

describe('flow control', () => {
  it('holds a fast sender back while the reader is slow: bounded memory, nothing lost', async () => {
    const startReading = new Event()
    let serverSide: Socket | null = null
    let received = 0
    const server = new StreamServer(['127.0.0.1', 0], async (sock) => {
      serverSide = sock
      await startReading.wait()
      for (let data = await sock.recv(CHUNK); data.length > 0; data = await sock.recv(CHUNK)) {
        received += data.length
      }
    })
    await server.start()
    const conn = await createConnection(server.address)
    const chunk = Buffer.alloc(CHUNK, 97)
    const mem0 = process.memoryUsage().arrayBuffers
    let sent = 0
    const deadline = performance.now() + 500
    // the sender pushes as fast as sendall lets it, for half a second
    conn.settimeout(0.05)
    while (sent < MAX_BYTES && performance.now() < deadline) {
      try {
        await conn.sendall(chunk)
        sent += CHUNK
      } catch {
        // timed out waiting for drain: the reader holds us back; count what was queued
        sent += CHUNK
        break
      }
    }
    expect(serverSide).not.toBeNull()
    const buffered = access.stream(serverSide as unknown as Socket)?.bufferedBytes ?? 0
    const grew = process.memoryUsage().arrayBuffers - mem0
    // the kernel's socket buffers take a few MB; the process holds a bounded amount
    expect(sent).toBeLessThan(48 << 20)
    // the server's socket read up to its bound, then paused
    expect(buffered).toBeGreaterThanOrEqual(HIGH_WATER)
    expect(buffered).toBeLessThanOrEqual(HIGH_WATER + CHUNK)
    expect(grew).toBeLessThan(8 << 20)

    startReading.set()
    conn.settimeout(5)
    conn.shutdown(1)
    expect((await conn.recv(1)).length).toBe(0) // the handler ended: it got EOF after everything
    expect(received).toBe(sent)
    conn.close()
    await server.stop()
  })
})

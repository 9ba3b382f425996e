// W10 (the W6 echo): a StreamServer upper-casing what it receives, 1000
// concurrent loopback connections × 50 round trips of 64 bytes, against a raw node:net
// server doing the same. The load generator is the same plain node:net client in a
// process of its own (children/echo-load.ts), so the row measures the servers, and only
// the round trips are timed (not connecting).
import { createServer, type Socket as NodeSocket, type Server } from 'node:net'
import { type Socket, StreamServer } from 'strand/net'
import { runLoad, upper } from '../internal/echo.js'
import type { Measurement, Workload } from '../workload.js'

const CONNS = 1000
const SIZE = 64

// a handler as a user writes it: recv, answer, until end of stream
async function upperEcho(sock: Socket): Promise<void> {
  for (;;) {
    const data = await sock.recv(4096)
    if (data.length === 0) return
    await sock.sendall(upper(data))
  }
}

// the same handler on plain promises, no Strand: what an async loop costs over a callback
async function rawAsyncEcho(s: NodeSocket): Promise<void> {
  const chunks: (Buffer | null)[] = []
  let wake: ((d: Buffer | null) => void) | null = null
  const push = (d: Buffer | null): void => {
    const w = wake
    wake = null
    if (w === null) chunks.push(d)
    else w(d)
  }
  s.on('data', push)
  s.on('end', () => push(null))
  s.on('error', () => push(null))
  for (;;) {
    const data =
      chunks.length > 0
        ? chunks.shift()
        : await new Promise<Buffer | null>((r) => {
            wake = r
          })
    if (data === null || data === undefined) return void s.end()
    s.write(upper(data))
  }
}

async function listenRaw(onConnection: (s: NodeSocket) => void): Promise<Server> {
  const server = createServer(onConnection)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return server
}

async function loadRaw(server: Server, n: number): Promise<Measurement> {
  const port = (server.address() as { port: number }).port
  const load = await runLoad(port, CONNS, rounds(n), SIZE)
  await load.close()
  await new Promise((resolve) => server.close(resolve))
  return result(n, load)
}

function rounds(n: number): number {
  return Math.max(1, Math.round(n / CONNS))
}

// n round trips were asked for; CONNS × rounds(n) were made
function result(n: number, load: { seconds: number; cpu: number }): Measurement {
  const made = CONNS * rounds(n)
  return {
    seconds: load.seconds * (n / made),
    extra: { 'server CPU µs/trip': (load.cpu / made) * 1e6 },
  }
}

export const workload: Workload = {
  id: 'W10',
  title: `echo server: ${CONNS} loopback connections × 50 round trips of ${SIZE} B (StreamServer vs raw node:net)`,
  unit: 'round trips/s',
  kind: 'throughput',
  n: CONNS * 50,
  target: '≥ 0.9× raw',
  goals: [{ peer: 'raw', ratio: 0.9 }],
  timeLimit: 120,
  peers: {
    strand: async (n) => {
      const server = new StreamServer(['127.0.0.1', 0], upperEcho)
      await server.start()
      const load = await runLoad(server.address[1], CONNS, rounds(n), SIZE)
      await load.close()
      await server.stop()
      return result(n, load)
    },
    raw: async (n) => {
      const server = await listenRaw((s) => {
        s.on('data', (d: Buffer) => s.write(upper(d)))
        s.on('error', () => {})
      })
      return loadRaw(server, n)
    },
    'raw-async': async (n) => loadRaw(await listenRaw((s) => void rawAsyncEcho(s)), n),
  },
}

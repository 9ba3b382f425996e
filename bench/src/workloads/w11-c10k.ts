// W11 (the C10K row): 10,000 loopback connections held open, each after one round
// trip of 64 bytes, against a StreamServer and a raw node:net server. The server runs in
// a fresh process per run (children/c10k-server.ts), the load generator in another
// (children/echo-load.ts); the value is the server's RSS growth per connection, after a
// full GC, measured while every connection is open and idle (heap + external in the notes).
import { Child, runLoad } from '../internal/echo.js'
import type { Measurement, Workload } from '../workload.js'

async function heldConnections(peer: 'strand' | 'raw', n: number): Promise<Measurement> {
  const server = new Child('c10k-server.js', [peer], ['--expose-gc'])
  const { port } = await server.request('listening')
  const load = await runLoad(Number(port), n, 1, 64)
  const m = await server.request('memory', { cmd: 'memory' })
  await load.close()
  await server.end({ cmd: 'stop' })
  const base = m.base as { rss: number; heap: number }
  return {
    value: (Number(m.rss) - base.rss) / n,
    extra: { 'heap B': (Number(m.heap) - base.heap) / n },
  }
}

export const workload: Workload = {
  id: 'W11',
  title: 'C10K: server RSS per idle connection, 10,000 held open after one round trip each',
  unit: 'bytes/connection',
  kind: 'memory',
  n: 10_000,
  target: '≤ raw + 8 KB per connection',
  goals: [{ peer: 'raw', margin: 8192 }],
  timeLimit: 180,
  peers: {
    strand: (n) => heldConnections('strand', n),
    raw: (n) => heldConnections('raw', n),
  },
}

// The server side of W11, in a fresh process per run so its memory is measured from a
// clean start: `node --expose-gc c10k-server.js strand|raw`. It listens on a free
// loopback port and answers every message upper-cased.
//
// child → parent: { event: 'listening', port }, then { event: 'memory', rss, heap } when asked
// parent → child: { cmd: 'memory' } (full GC, then memoryUsage) | { cmd: 'stop' }
import { createServer } from 'node:net'
import { type Socket, StreamServer } from 'strand/net'
import { upper } from '../internal/echo.js'

const peer = process.argv[2]

function send(msg: unknown): void {
  process.send?.(msg)
}

function memory(): { rss: number; heap: number } {
  const collect = (globalThis as { gc?: () => void }).gc
  if (collect === undefined) throw new Error('run with --expose-gc')
  collect()
  collect()
  const m = process.memoryUsage()
  return { rss: m.rss, heap: m.heapUsed + m.external }
}

async function upperEcho(sock: Socket): Promise<void> {
  for (;;) {
    const data = await sock.recv(4096)
    if (data.length === 0) return
    await sock.sendall(upper(data))
  }
}

async function main(): Promise<void> {
  let stop: () => Promise<unknown>
  let port: number
  if (peer === 'strand') {
    const server = new StreamServer(['127.0.0.1', 0], upperEcho)
    await server.start()
    port = server.address[1]
    stop = () => server.stop()
  } else if (peer === 'raw') {
    const server = createServer((s) => {
      s.on('data', (d: Buffer) => s.write(upper(d)))
      s.on('error', () => {})
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as { port: number }).port
    stop = () => new Promise((resolve) => server.close(resolve))
  } else {
    throw new Error(`unknown peer ${peer}`)
  }
  const base = memory()
  process.on('message', (m: { cmd: string }) => {
    if (m.cmd === 'memory') send({ event: 'memory', ...memory(), base })
    else void stop().then(() => process.exit(0))
  })
  send({ event: 'listening', port })
}

main().catch((err: unknown) => {
  send({ event: 'error', message: err instanceof Error ? err.message : String(err) })
  process.exit(1)
})

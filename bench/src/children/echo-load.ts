// The load generator of W10 and W11: plain node:net clients in a process of their own
// (forked by the peer), the same for every peer. It opens `conns` connections, then each
// does `rounds` round trips of `size` lowercase bytes that must come back upper-cased,
// all connections at once. It reports the seconds the round trips took, then holds the
// connections open until told to close them.
//
// parent → child: { cmd: 'run', host, port, conns, rounds, size } | { cmd: 'close' }
// child → parent: { event: 'done', seconds, cpu } | { event: 'closed' } | { event: 'error', message }
import { connect, type Socket } from 'node:net'

interface Run {
  cmd: 'run'
  host: string
  port: number
  conns: number
  rounds: number
  size: number
}

const CONNECT_BATCH = 200 // connects in flight at once (stays under the listen backlog)
let socks: Socket[] = []

function send(msg: unknown): void {
  process.send?.(msg)
}

function fail(err: unknown): void {
  send({ event: 'error', message: err instanceof Error ? err.message : String(err) })
  process.exit(1)
}

function openOne(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ host, port, noDelay: true })
    s.once('connect', () => {
      s.off('error', reject)
      s.on('error', fail)
      resolve(s)
    })
    s.once('error', reject)
  })
}

async function openAll(host: string, port: number, conns: number): Promise<Socket[]> {
  const out: Socket[] = []
  while (out.length < conns) {
    const batch = Math.min(CONNECT_BATCH, conns - out.length)
    out.push(...(await Promise.all(Array.from({ length: batch }, () => openOne(host, port)))))
  }
  return out
}

/** Every socket does `rounds` round trips; resolves when all are done. */
function roundTrips(all: Socket[], rounds: number, size: number): Promise<void> {
  const msg = Buffer.alloc(size)
  for (let i = 0; i < size; i++) msg[i] = 97 + (i % 26)
  let pending = all.length
  return new Promise((resolve) => {
    for (const s of all) {
      let left = rounds
      let got = 0
      s.on('data', (d: Buffer) => {
        if ((d[0] as number) < 65 || (d[0] as number) > 90) fail(new Error('reply not upper-cased'))
        got += d.length
        if (got < size) return
        got -= size
        if (--left > 0) s.write(msg)
        else if (--pending === 0) resolve()
      })
      s.write(msg)
    }
  })
}

process.on('message', (m: Run | { cmd: 'close' }) => {
  if (m.cmd === 'run') {
    openAll(m.host, m.port, m.conns)
      .then(async (opened) => {
        socks = opened
        const start = performance.now()
        const cpu0 = process.cpuUsage()
        await roundTrips(opened, m.rounds, m.size)
        const cpu = process.cpuUsage(cpu0)
        send({
          event: 'done',
          seconds: (performance.now() - start) / 1000,
          cpu: (cpu.user + cpu.system) / 1e6,
        })
      })
      .catch(fail)
  } else {
    let open = socks.length
    if (open === 0) send({ event: 'closed' })
    for (const s of socks) {
      s.removeAllListeners('error')
      s.on('error', () => {})
      s.once('close', () => {
        if (--open === 0) send({ event: 'closed' })
      })
      s.end()
    }
  }
})

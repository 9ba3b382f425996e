import { fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

// dist/children/, seen from wherever tsup put this module (an entry or a shared chunk)
function childScript(name: string): string {
  for (const rel of [`./children/${name}`, `../children/${name}`]) {
    const path = fileURLToPath(new URL(rel, import.meta.url))
    if (existsSync(path)) return path
  }
  throw new Error(`children/${name} not found next to ${import.meta.url}: run npx tsup first`)
}

/** Upper-cases ASCII letters in place: the work of the W10/W11 echo servers. */
export function upper(buf: Buffer): Buffer {
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i] as number
    if (c >= 97 && c <= 122) buf[i] = c - 32
  }
  return buf
}

/** A forked child speaking the small message protocol of children/*.ts. */
export class Child {
  private readonly proc
  private readonly waiting = new Map<string, (msg: Record<string, unknown>) => void>()
  private failure: Error | null = null

  constructor(script: string, args: string[] = [], execArgv: string[] = []) {
    this.proc = fork(childScript(script), args, {
      execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    this.proc.on('message', (msg: Record<string, unknown>) => {
      const event = String(msg.event)
      if (event === 'error') this.failure = new Error(String(msg.message))
      const w = this.waiting.get(event)
      this.waiting.delete(event)
      w?.(msg)
    })
    this.proc.on('exit', (code) => {
      if (code !== 0 && this.failure === null)
        this.failure = new Error(`${script} exited with ${code}`)
      for (const w of this.waiting.values()) w({ event: 'exit' })
      this.waiting.clear()
    })
  }

  /** Sends `msg` (if any) and waits for the child's `event`. */
  request(event: string, msg?: Record<string, unknown>): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      this.waiting.set(event, (reply) => {
        if (reply.event === event) resolve(reply)
        else reject(this.failure ?? new Error(`child ended before ${event}`))
      })
      if (msg !== undefined) this.proc.send(msg)
    })
  }

  /** Waits for the child to exit (asking it to, with `msg`). */
  end(msg?: Record<string, unknown>): Promise<void> {
    return new Promise((resolve) => {
      if (this.proc.exitCode !== null) return resolve()
      this.proc.once('exit', () => resolve())
      if (msg !== undefined) this.proc.send(msg)
      else this.proc.disconnect()
    })
  }
}

/**
 * Runs the load generator against 127.0.0.1:`port`: `conns` connections, each doing
 * `rounds` round trips of `size` bytes. Resolves to the seconds the round trips took,
 * the CPU seconds this process (the server) used meanwhile (connecting included), and a
 * `close()` that closes the connections and ends the generator.
 */
export async function runLoad(
  port: number,
  conns: number,
  rounds: number,
  size: number,
): Promise<{ seconds: number; cpu: number; close(): Promise<void> }> {
  const load = new Child('echo-load.js')
  const cpu0 = process.cpuUsage()
  const done = await load.request('done', {
    cmd: 'run',
    host: '127.0.0.1',
    port,
    conns,
    rounds,
    size,
  })
  const cpu = process.cpuUsage(cpu0)
  return {
    seconds: Number(done.seconds),
    cpu: (cpu.user + cpu.system) / 1e6,
    async close() {
      await load.request('closed', { cmd: 'close' })
      await load.end()
    },
  }
}

import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** True when a `redis-server` binary is on PATH. */
export const hasRedisServer: boolean =
  spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0

/** Why Redis tests are skipped, and how to run them. */
export const NO_REDIS_SERVER =
  'redis-server is not on PATH, so the Redis tests are skipped; install it to run them ' +
  '(Debian/Ubuntu: apt-get install -y redis-server; macOS: brew install redis)'

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/** Options of {@link RedisServer.start}. */
export interface RedisServerOptions {
  /** Persist with an append-only file (so a restart keeps the data). Default false. */
  appendonly?: boolean
}

/**
 * A private redis-server for tests and benchmarks: loopback only, a free port, its own
 * temporary directory, no RDB snapshots. `stop()` ends it and removes the directory.
 */
export class RedisServer {
  private child: ChildProcess | null = null

  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly options: RedisServerOptions,
  ) {}

  /** `redis://127.0.0.1:<port>`. */
  get url(): string {
    return `redis://127.0.0.1:${this.port}`
  }

  /** The server's pid while it runs. */
  get pid(): number | undefined {
    return this.child?.pid
  }

  static async start(options: RedisServerOptions = {}): Promise<RedisServer> {
    const dir = mkdtempSync(join(tmpdir(), 'strand-redis-'))
    const server = new RedisServer(await freePort(), dir, options)
    await server.launch()
    return server
  }

  /** Starts it again on the same port and directory (after {@link RedisServer.stop} with keep, or a kill). */
  async launch(): Promise<void> {
    const settings: [string, string][] = [
      ['port', String(this.port)],
      ['bind', '127.0.0.1'],
      ['dir', this.dir],
      ['save', ''],
      ['appendonly', this.options.appendonly ? 'yes' : 'no'],
      ['daemonize', 'no'],
    ]
    const args = settings.flatMap(([name, value]) => [`--${name}`, value])
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] })
    this.child = child
    running.add(child)
    child.once('exit', () => running.delete(child))
    await new Promise<void>((resolve, reject) => {
      let log = ''
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        reject(new Error(`redis-server did not start within 10 s:\n${log}`))
      }, 10_000)
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        log += chunk
        if (/Ready to accept connections/.test(log)) {
          clearTimeout(timer)
          child.stdout?.removeAllListeners('data').resume()
          resolve()
        }
      })
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        log += chunk
      })
      child.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`redis-server exited with ${code}:\n${log}`))
      })
    })
  }

  /** Ends the server (SIGTERM: it flushes its append-only file) and waits until it is gone. */
  async halt(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child
    if (child === null) return
    this.child = null
    if (child.exitCode !== null || child.signalCode !== null) return
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill(signal)
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    await gone
    clearTimeout(timer)
  }

  /** Halts it and starts it again on the same port and data. */
  async restart(): Promise<void> {
    await this.halt()
    await this.launch()
  }

  /** Halts it and removes its directory. */
  async stop(): Promise<void> {
    await this.halt()
    rmSync(this.dir, { recursive: true, force: true })
  }
}

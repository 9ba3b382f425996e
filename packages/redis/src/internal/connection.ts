import { sleep } from '@strand/core'
import { Cluster, Redis, type RedisOptions } from 'ioredis'
import { RedisCommandError, RedisQueueClosed, RedisUnreachable } from '../errors.js'
import { waitReply } from './reply-wait.js'

/**
 * The ioredis clients RedisQueue accepts as `client`: a `Redis` or a `Cluster`.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis'
 * import { RedisQueue } from '@strand/redis'
 *
 * const client = new Redis('rediss://cache.example.com:6380', { password: process.env.REDIS_PASSWORD })
 * const q = new RedisQueue({ client, name: 'jobs' }) // blocking reads use client.duplicate()
 * ```
 */
export type RedisClient = Redis | Cluster

// Connections RedisQueue opens itself fail fast instead of queueing: a command sent while
// Redis is away rejects at once (no offline queue, no resend of unanswered commands), and
// RedisQueue decides what to retry, for how long, and what to give back.
const OWNED = {
  lazyConnect: true,
  enableOfflineQueue: false,
  autoResendUnfulfilledCommands: false,
  maxRetriesPerRequest: 0,
  retryStrategy: (attempt: number) => Math.min(20 * 2 ** attempt, 500),
  // ioredis waits this long for a socket that failed to connect before it lets go of it.
  disconnectTimeout: 50,
  // Auto-pipelining holds every command until the next tick: a serial put → get → ack
  // chain pays that on each step (W13 ran at half the speed). Node's socket already
  // batches writes made while one is in flight.
  enableAutoPipelining: false,
} satisfies RedisOptions

/** What RedisQueue sets beyond {@link OWNED} on a connection of its own. */
export interface ExtraOptions {
  connectionName?: string
}

const TRANSIENT_REPLY = /^(LOADING|BUSY|TRYAGAIN|CLUSTERDOWN|MASTERDOWN|READONLY)\b/

/** True for errors that a reconnect or a moment's wait can fix (not bugs, not bad replies). */
export function isTransient(err: unknown): boolean {
  if (!(err instanceof Error)) return false
  if (err.name === 'ReplyError') return TRANSIENT_REPLY.test(err.message)
  return true // connection closed, stream not writeable, max retries, socket errors
}

function now(): number {
  return performance.now()
}

/** `host:port` (or the socket path) of a client, for messages. */
function addressOf(client: RedisClient): string {
  if (client instanceof Cluster) {
    const startup = (client as unknown as { startupNodes: unknown[] }).startupNodes
    const nodes = startup.map((n) =>
      typeof n === 'object' && n !== null
        ? `${(n as { host?: string }).host ?? '127.0.0.1'}:${(n as { port?: number }).port ?? 6379}`
        : String(n),
    )
    return `cluster ${nodes.join(', ')}`
  }
  const o = client.options
  return o.path ? o.path : `${o.host ?? '127.0.0.1'}:${o.port ?? 6379}`
}

/** A wait for 'ready' that can be called off. */
interface ReadyWait {
  promise: Promise<void>
  cancel(): void
}

/**
 * One ioredis client and what RedisQueue needs around it: when Redis went away (an
 * outage is given `connectTimeout` seconds before operations fail with
 * {@link RedisUnreachable}), the last connection error, and retries of commands that
 * failed because the connection did.
 */
export class Connection {
  private downSince: number | null = null
  private lastError: Error | undefined
  private closed = false
  /** Waits for 'ready' under way: close() ends them with RedisQueueClosed. */
  private readonly readyWaits = new Set<() => void>()

  constructor(
    readonly client: RedisClient,
    /** True when RedisQueue created it (and so closes it). */
    readonly owned: boolean,
    private readonly connectTimeout: number,
  ) {
    this.address = addressOf(client)
    client.on('error', (err: Error) => {
      this.lastError = err
    })
    client.on('ready', () => {
      this.downSince = null
    })
  }

  readonly address: string

  /** A new connection of our own to the same server (same options), for blocking reads. */
  static open(
    source: { url: string } | { client: RedisClient },
    connectTimeout: number,
    extra: ExtraOptions = {},
  ): Connection {
    const options = { ...OWNED, ...extra }
    if ('url' in source) return new Connection(new Redis(source.url, options), true, connectTimeout)
    const c = source.client
    const client =
      c instanceof Cluster
        ? c.duplicate(undefined, { ...c.options, enableOfflineQueue: false, redisOptions: options })
        : c.duplicate(options)
    return new Connection(client, true, connectTimeout)
  }

  get ready(): boolean {
    return this.client.status === 'ready'
  }

  get isCluster(): boolean {
    return this.client instanceof Cluster
  }

  /** A connection of our own to the same server, for blocking reads. */
  openBlocking(connectionName: string): Connection {
    return Connection.open({ client: this.client }, this.connectTimeout, { connectionName })
  }

  /** Forgets an outage (after a failed connect() gave up and closed the socket). */
  reset(): void {
    this.downSince = null
    if (this.owned && this.client.status !== 'end') this.client.disconnect()
  }

  /** The error to raise once an outage lasted `connectTimeout` seconds. */
  unreachable(): RedisUnreachable {
    return new RedisUnreachable(this.address, this.connectTimeout, this.lastError)
  }

  /** Notes that a command failed for a connection reason (an outage may have begun). */
  noteFailure(err: unknown): void {
    if (err instanceof Error) this.lastError = err
    if (!this.ready) this.downSince ??= now()
  }

  /**
   * Resolves once the client is ready (connecting it if it never was), or rejects with
   * {@link RedisUnreachable} once the current outage has lasted `connectTimeout`. A plain
   * promise, for code outside greenlets; `cancel()` drops its timer and listener and
   * resolves it (the caller checks why it woke).
   */
  readyWait(): ReadyWait {
    const client = this.client
    if (this.closed) {
      return { promise: Promise.reject(new RedisQueueClosed('RedisQueue')), cancel: () => {} }
    }
    if (client.status === 'ready') return { promise: Promise.resolve(), cancel: () => {} }
    if (client.status === 'wait' || client.status === 'end') client.connect().catch(() => {})
    this.downSince ??= now()
    const left = this.connectTimeout * 1000 - (now() - this.downSince)
    if (left <= 0) return { promise: Promise.reject(this.unreachable()), cancel: () => {} }
    let cancel = (): void => {}
    const promise = new Promise<void>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer)
        client.off('ready', onReady)
        this.readyWaits.delete(onClose)
      }
      const onReady = (): void => {
        done()
        resolve()
      }
      const onClose = (): void => {
        done()
        reject(new RedisQueueClosed('RedisQueue'))
      }
      const timer = setTimeout(() => {
        done()
        reject(this.unreachable())
      }, left)
      client.once('ready', onReady)
      this.readyWaits.add(onClose)
      cancel = () => {
        done()
        resolve()
      }
    })
    return { promise, cancel }
  }

  /** {@link readyWait} as a cooperative wait: kill and Timeout interrupt it. */
  waitReady(label: string): Promise<void> {
    if (this.ready) return Promise.resolve()
    const wait = this.readyWait()
    return waitReply(wait.promise, label, null, { cancel: wait.cancel })
  }

  /**
   * Runs a command as a cooperative wait, retrying it while the failure is a connection
   * one and the outage is younger than `connectTimeout`. `late` gets a reply that arrives
   * after the caller was interrupted. Only use it for commands that are safe to send twice.
   *
   * @throws RedisUnreachable when the outage outlasts `connectTimeout`; RedisCommandError
   *   when Redis refuses the command; the caller's kill or Timeout, unchanged.
   */
  async exec<T>(label: string, send: () => Promise<T>, late?: (value: T) => void): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      if (this.closed) throw new RedisQueueClosed(label)
      if (!this.ready) await this.waitReady(label)
      const reply = await waitReply<T | Failure>(
        send().then(identity, failure),
        label,
        null,
        late === undefined ? undefined : { late: (v) => void (isFailure(v) || late(v as T)) },
      )
      if (!isFailure(reply)) return reply as T
      if (!isTransient(reply.error)) throw new RedisCommandError(label, this.address, reply.error)
      this.noteFailure(reply.error)
      // The client may not have noticed the drop yet: do not spin.
      if (this.ready) await sleep(Math.min(0.005 * (attempt + 1), 0.1))
    }
  }

  /** Closes a connection we opened (politely when it is up); a user's client stays open. */
  async close(): Promise<void> {
    this.closed = true
    for (const end of [...this.readyWaits]) end()
    if (!this.owned) return
    const client = this.client
    if (client.status === 'ready') {
      await Promise.race([client.quit().catch(() => {}), delay(500)])
    }
    if (client.status !== 'end') client.disconnect()
  }
}

const FAILED: unique symbol = Symbol('failed')
interface Failure {
  [FAILED]: true
  error: unknown
}
function identity<T>(value: T): T {
  return value
}
function failure(error: unknown): Failure {
  return { [FAILED]: true, error }
}
function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && FAILED in value
}

/** A real-time pause for code outside greenlets (unref'd: it never holds the process). */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}

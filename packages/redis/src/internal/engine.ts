import type { Codec } from '../codec.js'
import { RedisQueueClosed } from '../errors.js'
import { Connection, delay, type RedisClient } from './connection.js'
import { parseTaken, type RawEntry, type Taken } from './entries.js'
import { type QueueKeys, queueKeys } from './keys.js'
import * as lua from './lua.js'
import { type DeliveryHost, QueueDelivery } from './queue-delivery.js'
import { Reader, type ReaderHost } from './reader.js'
import { Script } from './script.js'

const PUT = new Script(lua.PUT)
const TAKE = new Script(lua.TAKE)
const ACK = new Script(lua.ACK)
const RELEASE = new Script(lua.RELEASE)
const TOUCH = new Script(lua.TOUCH)
const BURY = new Script(lua.BURY)
const STATS = new Script(lua.STATS)

/** The checked settings of one RedisQueue. */
export interface EngineConfig<T> {
  source: { url: string } | { client: RedisClient }
  name: string
  group: string
  consumer: string
  /** 0: unbounded. */
  maxsize: number
  visibilityMs: number
  /** 0: no limit. */
  maxDeliveries: number
  codec: Codec<T>
  connectTimeout: number
}

/** The numbers behind `stats()`, as STATS returns them. */
export type RawStats = [number, number, number, number, number, number, number]

/**
 * Everything of a RedisQueue that is not its public surface: the connections, the
 * scripts, the deliveries this process holds, and the reader of its blocked getters.
 */
export class Engine<T> implements DeliveryHost<T>, ReaderHost {
  readonly keys: QueueKeys
  readonly main: Connection
  readonly reader: Reader
  readonly group: string
  readonly consumer: string
  readonly sweepMs: number
  readonly readerName: string
  lastSweep = Number.NEGATIVE_INFINITY
  closed = false
  /** Delivered here and not yet acknowledged or released: given back on close(). */
  private readonly held = new Map<string, QueueDelivery<T>>()
  private connected = false
  /** Fire-and-forget work (give-backs, dead-lettering), awaited by close(). */
  private readonly background = new Set<Promise<unknown>>()

  constructor(private readonly config: EngineConfig<T>) {
    this.keys = queueKeys(config.name)
    this.group = config.group
    this.consumer = config.consumer
    const source = config.source
    this.main =
      'client' in source
        ? new Connection(source.client, false, config.connectTimeout)
        : Connection.open(source, config.connectTimeout)
    this.readerName = `strand:{${config.name}}:reader`.replace(/\s/g, '_')
    this.sweepMs = Math.round(Math.min(1000, Math.max(50, config.visibilityMs / 4)))
    this.reader = new Reader(this)
  }

  /** Connects once (a cooperative wait); a failed attempt lets go of the socket. */
  async connect(label: string): Promise<void> {
    if (this.closed) throw new RedisQueueClosed(label)
    if (this.connected && this.main.ready) return
    try {
      await this.main.waitReady(label)
      this.connected = true
    } catch (err) {
      if (!this.connected) this.main.reset()
      throw err
    }
  }

  private get client(): RedisClient {
    return this.main.client
  }

  // --- scripts -------------------------------------------------------------------------

  /** PUT: the new entry id, `0` when full, `-1` when shut down. */
  put(payload: string | Buffer): Promise<unknown> {
    const args = [this.group, this.config.maxsize, payload]
    return this.main.exec('RedisQueue.put', () => PUT.run(this.client, this.keys.all, args))
  }

  /** TAKE on the main connection, as a plain promise (the reader's, and the fast path's). */
  take(count: number): Promise<Taken> {
    this.lastSweep = performance.now()
    const { group, consumer, config } = this
    const args = [group, consumer, config.visibilityMs, config.maxDeliveries, count]
    return TAKE.run(this.client, this.keys.all, args).then(parseTaken)
  }

  /** One entry for a getter that found nobody waiting before it (a cooperative wait). */
  async takeOne(label: string): Promise<QueueDelivery<T> | 'drained' | null> {
    const taken = await this.main.exec(
      label,
      () => this.take(1),
      (late) => this.handOut(late.entries),
    )
    for (const entry of taken.entries) {
      const d = this.decode(entry)
      if (d !== null) {
        this.held.set(d.id, d)
        return d
      }
    }
    return taken.drained ? 'drained' : null
  }

  stats(): Promise<RawStats> {
    const run = () => STATS.run(this.client, this.keys.all, [this.group])
    return this.main.exec('RedisQueue.stats', run) as Promise<RawStats>
  }

  /** Runs a plain command on the main connection as a cooperative wait (safe to repeat). */
  command(label: string, name: string, ...args: (string | number)[]): Promise<unknown> {
    return this.main.exec(label, () => this.client.call(name, ...args))
  }

  /** The dead-letter stream's first `count` entries, payloads as Buffers. */
  readDead(label: string, count: number): Promise<unknown> {
    return this.main.exec(label, () =>
      this.client.xrangeBuffer(this.keys.dead, '-', '+', 'COUNT', count),
    )
  }

  /**
   * Marks the queue shut down, then wakes the blocked reads of every RedisQueue on it
   * (found by client name; standalone Redis), so their getters see it at once.
   */
  async shutdown(label: string): Promise<void> {
    await this.command(label, 'HSET', this.keys.meta, 'shutdown', '1')
    this.reader.nudge()
    if (this.main.isCluster) return // they notice within a sweep (at most 1 s)
    const list = String(await this.command(label, 'CLIENT', 'LIST', 'TYPE', 'normal'))
    for (const line of list.split('\n')) {
      const id = /(?:^| )id=(\d+)/.exec(line)?.[1]
      if (id !== undefined && line.includes(` name=${this.readerName} `)) {
        this.client.call('CLIENT', 'UNBLOCK', id).catch(() => {})
      }
    }
  }

  // --- deliveries ----------------------------------------------------------------------

  handOut(entries: RawEntry[]): void {
    const back: RawEntry[] = []
    for (const entry of entries) {
      const d = this.decode(entry)
      if (d === null) continue
      this.held.set(d.id, d)
      if (!this.reader.offer(d)) {
        this.held.delete(d.id)
        back.push(entry)
      }
    }
    // Nobody saw these: give them back with the delivery count they had.
    if (back.length > 0) this.giveBack(back.map((e) => [e.id, e.deliveries - 1]))
  }

  private decode(entry: RawEntry): QueueDelivery<T> | null {
    let item: T
    try {
      item = this.config.codec.decode(entry.data)
    } catch (err) {
      const reason = `decode: ${err instanceof Error ? err.message : String(err)}`
      const args = [this.group, entry.id, reason, entry.deliveries]
      this.track(BURY.run(this.client, this.keys.all, args))
      return null
    }
    return new QueueDelivery(entry.id, item, entry.deliveries, this)
  }

  async ackDelivery(d: QueueDelivery<T>): Promise<boolean> {
    if (d.settled) return false
    if (this.closed) throw new RedisQueueClosed('Delivery.ack')
    const settle = (n: unknown): boolean => {
      d.settled = true
      this.held.delete(d.id)
      return Number(n) === 1
    }
    const run = () => ACK.run(this.client, this.keys.all, [this.group, d.id])
    return settle(await this.main.exec('Delivery.ack', run, settle))
  }

  async releaseDelivery(d: QueueDelivery<T>, seen: boolean): Promise<boolean> {
    if (d.settled) return false
    if (this.closed) throw new RedisQueueClosed('Delivery.release')
    const count = seen ? d.deliveries : d.deliveries - 1
    const n = await this.main.exec('Delivery.release', () => this.releaseRun([[d.id, count]]))
    d.settled = true
    this.held.delete(d.id)
    this.reader.nudge()
    return Number(n) === 1
  }

  async touchDelivery(d: QueueDelivery<T>): Promise<boolean> {
    if (d.settled) return false
    if (this.closed) throw new RedisQueueClosed('Delivery.touch')
    const args = [this.group, this.consumer, d.id]
    const n = await this.main.exec('Delivery.touch', () =>
      TOUCH.run(this.client, this.keys.all, args),
    )
    return Number(n) === 1
  }

  private releaseRun(pairs: [string, number][]): Promise<unknown> {
    // Idle past the visibility timeout: the next TAKE anywhere claims them.
    const args: (string | number)[] = [this.group, this.consumer, this.config.visibilityMs + 1000]
    for (const [id, count] of pairs) args.push(id, Math.max(0, count))
    return RELEASE.run(this.client, this.keys.all, args)
  }

  private giveBack(pairs: [string, number][]): void {
    this.track(this.releaseRun(pairs).then(() => this.reader.nudge()))
  }

  /**
   * Remembers background work so close() waits for it. If it fails, the entries stay
   * pending under this consumer and come back after the visibility timeout: late, not lost.
   */
  private track(work: Promise<unknown>): void {
    const p = work.catch(() => {})
    this.background.add(p)
    void p.finally(() => this.background.delete(p))
  }

  // --- closing -------------------------------------------------------------------------

  /** Fails the blocked getters, gives back what is held, closes our connections. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.reader.close(new RedisQueueClosed('RedisQueue.get'))
    const held = [...this.held.values()].filter((d) => !d.settled)
    this.held.clear()
    if (held.length > 0 && this.main.ready) {
      this.track(this.releaseRun(held.map((d) => [d.id, d.deliveries])))
    }
    // bounded: a command a user's client queued offline may never be answered
    await Promise.race([Promise.all(this.background), delay(this.config.connectTimeout * 1000)])
    await this.main.close()
  }
}

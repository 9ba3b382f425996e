import { getHub } from '@strand/core'
import { Waiter, WaitList, type WaitOwner } from '@strand/core/internal'
import { Empty, ShutDown } from '@strand/queue'
import { RedisCommandError } from '../errors.js'
import { type Connection, delay, isTransient } from './connection.js'
import { parseRead, type RawEntry, type Taken } from './entries.js'
import type { QueueKeys } from './keys.js'

/** What the reader needs from its queue. */
export interface ReaderHost {
  readonly main: Connection
  readonly keys: QueueKeys
  readonly group: string
  readonly consumer: string
  /** Milliseconds between sweeps for timed-out deliveries (and the longest block). */
  readonly sweepMs: number
  /** When the last TAKE (a sweep) was sent, in performance.now() milliseconds. */
  lastSweep: number
  /** The client name of blocking connections on this queue (CLIENT LIST finds them). */
  readonly readerName: string
  /** Sends TAKE for up to `count` entries on the main connection. */
  take(count: number): Promise<Taken>
  /** Gives entries to the waiting getters, and back to Redis what nobody waits for. */
  handOut(entries: RawEntry[]): void
}

interface Parked {
  reader: Reader
  seconds: number | null
}

// A getter that leaves (timeout, kill, Timeout) holds nothing yet: only the reader's
// block may have to stop, if nobody is left to read for.
const GET_OWNER: WaitOwner = {
  onTimeout(w) {
    const parked = w.data as Parked
    getHub().fail(w, new Empty(w.label, parked.seconds))
    parked.reader.left()
  },
  onInterrupt(w) {
    ;(w.data as Parked).reader.left()
  },
}

/**
 * The blocked getters of one RedisQueue and the one blocking read that serves them all:
 * `XREADGROUP … COUNT <waiting getters> BLOCK <sweep>` on a connection of its own. Entries
 * go to the getters first come, first served. When the last getter leaves, the read is
 * stopped for real (CLIENT UNBLOCK from the main connection); an entry that Redis handed
 * over anyway goes to the next getter, or back to the queue at once. Between blocks it
 * sweeps for deliveries whose visibility timeout passed.
 */
export class Reader {
  private readonly waiters = new WaitList()
  private blocking: Connection | null = null
  private blockingId: string | null = null
  private running: Promise<void> | null = null
  private reading = false
  private closed = false
  private pause: { cancel(): void } | null = null

  constructor(private readonly host: ReaderHost) {}

  /** How many getters wait here now. */
  get waiting(): number {
    return this.waiters.size
  }

  /** Parks the current greenlet until an entry is handed to it (see GET_OWNER). */
  park<D>(label: string, seconds: number | null, shown: number | null): Promise<D> {
    const parked: Parked = { reader: this, seconds: shown }
    const w = getHub().park<D>(GET_OWNER, this.waiters, seconds, label, parked)
    if (!(w instanceof Waiter)) return w
    // The loop runs from the hub, outside the getter's greenlet: it belongs to no one.
    if (this.running === null) getHub().schedule(startLoop, this)
    return w.promise
  }

  /** Hands `value` to the longest-waiting getter; false when nobody waits. */
  offer(value: unknown): boolean {
    const w = this.waiters.shift()
    if (w === null) return false
    getHub().wake(w, value)
    return true
  }

  /** Fails every waiting getter with `error(w)`. */
  failAll(error: unknown): void {
    getHub().failAll(this.waiters, () => error)
  }

  /** A getter left: stop reading if it was the last one. */
  left(): void {
    if (this.waiters.size === 0) this.stopRead()
  }

  /** Something may be claimable now (a release, a shutdown): sweep at once. */
  nudge(): void {
    this.host.lastSweep = Number.NEGATIVE_INFINITY
    this.stopRead()
  }

  /** Fails the waiters with `error`, stops the read and closes the blocking connection. */
  async close(error: unknown): Promise<void> {
    this.closed = true
    this.failAll(error)
    this.stopRead()
    this.pause?.cancel()
    // bounded: a command a user's client queued offline may not be answered for long
    if (this.running !== null) await Promise.race([this.running, delay(2000)])
    await this.blocking?.close()
  }

  /** @internal the loop's entry point, called from the hub */
  run(): void {
    if (this.running !== null || this.closed) return
    this.running = this.loop().finally(() => {
      this.running = null
      if (this.waiters.size > 0 && !this.closed) this.run()
    })
  }

  private stopRead(): void {
    if (!this.reading || this.blocking === null) return
    const main = this.host.main
    if (main.isCluster || this.blockingId === null) {
      // No CLIENT UNBLOCK across cluster nodes: drop the connection (it reconnects).
      this.blocking.client.disconnect(true)
      return
    }
    main.client.call('CLIENT', 'UNBLOCK', this.blockingId).catch(() => {})
  }

  private async loop(): Promise<void> {
    const host = this.host
    while (this.waiters.size > 0 && !this.closed) {
      try {
        if (this.sweepDue()) {
          const taken = await host.take(this.waiters.size)
          if (taken.drained) this.failAll(new ShutDown('RedisQueue.get'))
          if (taken.entries.length > 0 || taken.drained) {
            host.handOut(taken.entries)
            continue
          }
        }
        if (this.waiters.size === 0 || this.closed) break
        const entries = await this.read(this.waiters.size)
        // An empty read timed out (a sweep is due) or was unblocked (someone wants a look).
        if (entries.length > 0) host.handOut(entries)
        else host.lastSweep = Number.NEGATIVE_INFINITY
      } catch (err) {
        await this.recover(err)
      }
    }
  }

  private sweepDue(): boolean {
    return performance.now() - this.host.lastSweep >= this.host.sweepMs
  }

  private async read(count: number): Promise<RawEntry[]> {
    const host = this.host
    if (this.blocking === null) {
      const conn = host.main.openBlocking(host.readerName)
      conn.client.on('ready', () => {
        this.blockingId = null // a new connection has a new id
      })
      this.blocking = conn
    }
    const conn = this.blocking
    if (!conn.ready) await this.until(conn)
    if (this.blockingId === null && !host.main.isCluster) {
      this.blockingId = String(await conn.client.call('CLIENT', 'ID'))
    }
    // A release or shutdown may have asked for a sweep while we got ready: sweep first.
    if (this.waiters.size === 0 || this.closed || this.sweepDue()) return []
    this.reading = true
    try {
      const reply = await conn.client.xreadgroupBuffer(
        'GROUP',
        host.group,
        host.consumer,
        'COUNT',
        count,
        'BLOCK',
        host.sweepMs,
        'STREAMS',
        host.keys.stream,
        '>',
      )
      return parseRead(reply)
    } finally {
      this.reading = false
    }
  }

  /** After a failed round: wait for the connections to come back, or fail the getters. */
  private async recover(err: unknown): Promise<void> {
    const host = this.host
    host.lastSweep = Number.NEGATIVE_INFINITY
    if (err instanceof Error && err.message.startsWith('NOGROUP')) return // TAKE creates it
    if (!isTransient(err)) {
      this.failAll(new RedisCommandError('RedisQueue.get', host.main.address, err))
      return
    }
    try {
      for (const conn of [host.main, this.blocking]) {
        if (conn === null) continue
        if (!conn.ready) {
          conn.noteFailure(err)
          await this.until(conn)
        }
      }
      await delay(5) // the client may not have noticed the drop yet: do not spin
    } catch (unreachable) {
      this.failAll(unreachable)
    }
  }

  private async until(conn: Connection): Promise<void> {
    const wait = conn.readyWait()
    this.pause = wait
    try {
      await wait.promise
    } finally {
      this.pause = null
    }
  }
}

function startLoop(reader: Reader): void {
  reader.run()
}

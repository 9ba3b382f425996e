import { getHub } from '@strand/core'
import { type Waiter, WaitList, type WaitOwner } from '@strand/core/internal'
import { PoolFull } from '../errors.js'
import { FEED_OWNER, type SlotKind, type SlotOwner, type SlotPolicy } from './slot-policy.js'

const AVAILABLE_OWNER: WaitOwner = { onTimeout: (w) => getHub().wake(w) }

/**
 * A Pool's slot policy: `capacity` slots, counted; a slot is taken before its greenlet
 * starts and comes back when it leaves. When none is free, claims wait in one line,
 * first come, first served, whatever their kind; a slot that comes back goes straight
 * to the head of the line.
 */
export class CountedSlots implements SlotPolicy {
  /** Slots taken: members plus slots held by a reservation (an imap's feeder). */
  private used = 0
  private readonly line = new WaitList()
  /** `Pool.waitAvailable` callers: woken when a slot becomes free. */
  private available: WaitList | null = null
  private readonly owners: Readonly<Record<SlotKind, SlotOwner>>

  constructor(readonly capacity: number) {
    // only `add` and `start` take a timeout: on it they fail with PoolFull
    const onTimeout = (w: Waiter): void => {
      getHub().fail(w, new PoolFull(capacity))
    }
    this.owners = {
      spawn: { kind: 'spawn', onTimeout },
      add: { kind: 'add', onTimeout },
      start: { kind: 'start', onTimeout },
      reserve: { kind: 'reserve', onTimeout },
      feed: FEED_OWNER,
    }
  }

  freeCount(): number {
    return this.capacity - this.used
  }

  full(): boolean {
    return this.used >= this.capacity
  }

  tryTake(): boolean {
    if (this.used >= this.capacity || this.line.size > 0) return false
    this.used++
    return true
  }

  wait<T>(kind: SlotKind, seconds: number | null, label: string, data?: unknown): Promise<T> {
    return getHub().wait<T>(this.owners[kind], this.line, seconds, label, data)
  }

  enqueue(w: Waiter): void {
    this.line.push(w)
  }

  handOff(): Waiter | null {
    const w = this.line.shift()
    if (w !== null) return w
    this.used--
    const available = this.available
    if (available !== null && available.size > 0) getHub().wakeAll(available)
    return null
  }

  /** Waits until a slot is free (without taking it); resolves with the free count then. */
  waitAvailable(seconds: number | null): Promise<number> {
    const free = this.freeCount()
    if (free > 0) return Promise.resolve(free)
    const list = (this.available ??= new WaitList())
    return getHub()
      .wait<void>(AVAILABLE_OWNER, list, seconds, 'Pool.waitAvailable')
      .then(() => this.freeCount())
  }
}

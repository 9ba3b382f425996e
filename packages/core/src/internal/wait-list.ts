import type { Waiter } from './waiter.js'

/**
 * What a {@link WaitList} belongs to, so that deadlock reports and run-info trees can say
 * what a blocked greenlet waits on and who holds it. A primitive passes itself (or a
 * small adapter) to `new WaitList(resource)`.
 *
 * @example
 * ```ts
 * import { WaitList, type WaitResource } from '@strand/core/internal'
 *
 * class Baton implements WaitResource {
 *   holder: object | null = null // the greenlet that has it; null for main
 *   private readonly waiters = new WaitList(this)
 *   resourceName(): string { return 'Baton' }
 *   resourceHolders(): readonly (object | null)[] { return [this.holder] }
 * }
 * ```
 */
export interface WaitResource {
  /** How reports name it: `Lock "A"`, `Semaphore(3)`. */
  resourceName(): string
  /**
   * The greenlets holding it now, whose progress would let its waiters go (a lock's
   * holders; the greenlet a `join()` waits for); `null` stands for the main greenlet.
   * Leave it out for a resource nobody holds (an Event, a Queue).
   */
  resourceHolders?(): readonly (object | null)[]
  /**
   * True when the waiters wait for the holders to *end* (a join, a joinAll), not for
   * them to release something: reports then say `waits on join(worker-1)`.
   */
  readonly waitsForEnd?: boolean
}

/**
 * A FIFO of parked waiters, intrusive (the links live in the waiters), so a waiter
 * that is killed or times out leaves in O(1) and no entry is ever left behind.
 * Every blocking primitive keeps its waiters in one of these.
 */
export class WaitList {
  head: Waiter | null = null
  tail: Waiter | null = null
  size = 0

  /** `resource`: what the waiters wait on, for deadlock reports (optional). */
  constructor(readonly resource: WaitResource | null = null) {}

  push(w: Waiter): void {
    w.list = this
    w.prev = this.tail
    w.next = null
    if (this.tail) this.tail.next = w
    else this.head = w
    this.tail = w
    this.size++
  }

  /** Removes and returns the longest-waiting waiter. */
  shift(): Waiter | null {
    const w = this.head
    if (w) this.remove(w)
    return w
  }

  remove(w: Waiter): void {
    if (w.list !== this) return
    if (w.prev) w.prev.next = w.next
    else this.head = w.next
    if (w.next) w.next.prev = w.prev
    else this.tail = w.prev
    w.prev = w.next = null
    w.list = null
    this.size--
  }

  /** Iterates without removing; safe against removal of the current waiter. */
  *[Symbol.iterator](): Iterator<Waiter> {
    let w = this.head
    while (w) {
      const next = w.next
      yield w
      w = next
    }
  }
}

import type { Waiter } from './waiter.js'

/**
 * A FIFO of parked waiters, intrusive (the links live in the waiters), so a waiter
 * that is killed or times out leaves in O(1) and no entry is ever left behind.
 * Every blocking primitive keeps its waiters in one of these.
 */
export class WaitList {
  head: Waiter | null = null
  tail: Waiter | null = null
  size = 0

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

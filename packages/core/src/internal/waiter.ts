import type { Greenlet } from '../greenlet.js'
import type { TimerEntry } from './timer-heap.js'
import type { WaitList } from './wait-list.js'

/** Parked, nobody has decided its outcome yet: a wake, a timeout or a kill may claim it. */
export const PENDING = 0
/** Claimed: its outcome is decided and queued on the hub; nothing can change it any more. */
export const CLAIMED = 1
/** Its promise is settled. */
export const SETTLED = 2

/**
 * What a primitive does with its waiter when the wait's own `timeout` expires, or when
 * the waiter is interrupted (kill, Timeout). The waiter is already detached from its
 * list, its greenlet and the timer heap when these run.
 */
export interface WaitOwner {
  /** The wait's own timeout expired: settle `w` (usually `hub.wake(w, false)` or `hub.fail(w, new Empty())`). */
  onTimeout(w: Waiter): void
  /** `w` was rejected by a kill or a Timeout: undo any bookkeeping beyond the wait list. */
  onInterrupt?(w: Waiter): void
}

let constructing: Waiter<unknown>
function captureResolvers(resolve: (v: unknown) => void, reject: (e: unknown) => void): void {
  constructing.resolve = resolve
  constructing.reject = reject
}

/**
 * One cooperative wait of one greenlet: the promise the greenlet awaits, plus where the
 * wait is registered (a primitive's {@link WaitList}, the greenlet, the timer heap).
 *
 * Settling goes through the hub in two steps. *Claiming* (wake, fail, timeout, kill)
 * happens once, synchronously, and detaches the waiter from everything; the promise is
 * settled later, in FIFO order, by the hub. So an item handed to a waiter is never also
 * lost to a kill that comes in the same turn: whichever claimed first wins, the other
 * sees a waiter that is no longer pending.
 */
export class Waiter<T = unknown> implements TimerEntry {
  // links in the owner's WaitList
  prev: Waiter | null = null
  next: Waiter | null = null
  list: WaitList | null = null
  // links in the greenlet's list of pending waits
  gPrev: Waiter | null = null
  gNext: Waiter | null = null
  // timer heap
  deadline = 0
  seq = 0
  heapIndex = -1
  /** The wait's own timeout in seconds (for messages), or null. */
  seconds: number | null = null

  state = PENDING
  result: unknown = undefined
  failed = false
  /** Free for the owner: a putter's item, a requested count, … */
  data: unknown = undefined

  resolve!: (value: unknown) => void
  reject!: (reason: unknown) => void
  readonly promise: Promise<T>

  constructor(
    readonly greenlet: Greenlet,
    readonly owner: WaitOwner,
    /** What is being waited on, for runInfo() and LoopExit: "Queue.get", "Event.wait", … */
    readonly label: string,
  ) {
    constructing = this as unknown as Waiter
    this.promise = new Promise<T>(captureResolvers as never)
  }

  /** True while nobody has claimed this wait. */
  get pending(): boolean {
    return this.state === PENDING
  }

  /** The timer fired: the hub detached us; let the owner decide the outcome. */
  fire(): void {
    this.greenlet.hub.timeoutWaiter(this)
  }
}

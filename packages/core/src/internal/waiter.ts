import { untaggedPromise } from './context.js'
import type { Task } from './task.js'
import type { TimerEntry } from './timer-heap.js'
import type { WaitList } from './wait-list.js'

/*
 * The life of a wait:
 *
 *            wake / fail / own timeout / kill / Timeout          the hub's FIFO turn
 *   PENDING ─────────────────── claim ───────────────▶ CLAIMED ──────── settle ───────▶ SETTLED
 *   parked in a WaitList,        (exactly once; detaches       outcome decided,           promise resolved
 *   on its task, maybe on        from list, task and timer)    waiting in the ready       or rejected
 *   the timer heap                                             queue
 *
 * Claiming is synchronous and happens once: whoever claims first decides the outcome
 * and every later claim is refused (`hub.wake` returns false). Settling is deferred to
 * the hub's ready queue, so wake-ups run in the order they were decided and never
 * inside `set()`/`put()`/`release()`. Hub.claim and settle() below are the only places
 * that move a waiter along.
 */

/** Parked, nobody has decided its outcome yet: a wake, a timeout or an interrupt may claim it. */
export const PENDING = 0
/** Claimed: its outcome is decided and queued on the hub; nothing can change it any more. */
export const CLAIMED = 1
/** Its promise is settled. */
export const SETTLED = 2

/**
 * What a primitive decides for its waiters. The hub calls these while the waiter is
 * still PENDING and still registered everywhere (its list, its task); only the timer
 * heap has already let go of it on a timeout. Claim it from here (`hub.wake`/`hub.fail`),
 * which detaches it from everything.
 */
export interface WaitOwner {
  /** The wait's own timeout expired: claim `w` (usually `hub.wake(w, false)` or `hub.fail(w, new Empty())`). */
  onTimeout(w: Waiter): void
  /**
   * `w` was just claimed by a kill or a Timeout (it is already detached): undo any
   * bookkeeping beyond the wait list.
   */
  onInterrupt?(w: Waiter): void
}

// `new Promise(executor)` needs a function that receives the resolvers. A closure per
// waiter would cost an allocation on the hottest path, so one shared executor stores
// them into the waiter under construction (construction is synchronous: no overlap).
let constructing: Waiter<unknown> | null = null
function captureResolvers(resolve: (v: unknown) => void, reject: (e: unknown) => void): void {
  const w = constructing as Waiter<unknown>
  w.resolve = resolve
  w.reject = reject
}

/**
 * One cooperative wait: the promise a greenlet awaits, and where the wait is
 * registered (a primitive's {@link WaitList}, its task, the timer heap). See the
 * diagram above for its states.
 */
export class Waiter<T = unknown> implements TimerEntry {
  // links in the owner's WaitList
  prev: Waiter | null = null
  next: Waiter | null = null
  list: WaitList | null = null
  // links in the task's list of pending waits
  tPrev: Waiter | null = null
  tNext: Waiter | null = null
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
    /** The task that waits; null for a wait no interrupt can reach (kill()'s wait for a death). */
    readonly task: Task | null,
    readonly owner: WaitOwner,
    /** What is being waited on, for runInfo() and LoopExit: "Queue.get", "Event.wait", … */
    readonly label: string,
  ) {
    constructing = this as unknown as Waiter
    this.promise = untaggedPromise<T>(captureResolvers as never)
    // let go at once: the last waiter made must not keep its outcome alive (a joinAll's
    // result holds every greenlet it joined)
    constructing = null
  }

  /** True while nobody has claimed this wait. */
  get pending(): boolean {
    return this.state === PENDING
  }

  /** The timer fired (the heap already dropped it): the owner decides the outcome. */
  fire(): void {
    if (this.state === PENDING) this.owner.onTimeout(this)
  }
}

/** CLAIMED → SETTLED: resolve or reject the promise with the claimed outcome. */
export function settle(w: Waiter): void {
  w.state = SETTLED
  if (w.failed) w.reject(w.result)
  else w.resolve(w.result)
}

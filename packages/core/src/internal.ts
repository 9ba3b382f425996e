/**
 * The cooperative-wait machinery that Strand's sibling packages build on.
 *
 * **Unstable:** this subpath follows Strand's own needs and may change in any release.
 * If you build a primitive of your own on it, pin the exact version.
 *
 * The pattern every blocking primitive follows:
 *
 * ```ts
 * import { getHub } from '@strand/core'
 * import { WaitList, type WaitOwner, checkSeconds } from '@strand/core/internal'
 *
 * const OWNER: WaitOwner = { onTimeout: (w) => getHub().wake(w, false) }
 *
 * class Gate {
 *   private open = false
 *   private waiters = new WaitList()
 *   wait(opts?: { timeout?: number }): Promise<boolean> {
 *     const seconds = checkSeconds('timeout', opts?.timeout)  // validate first, synchronously
 *     if (this.open) return Promise.resolve(true)              // fast path: no wait
 *     return getHub().wait<boolean>(OWNER, this.waiters, seconds, 'Gate.wait')
 *   }
 *   openIt(): void {
 *     this.open = true
 *     getHub().wakeAll(this.waiters, true)
 *   }
 * }
 * ```
 *
 * When you need the waiter itself — to keep bookkeeping beside it, or to settle it with
 * an error — use `park`; it hands back the rejected promise instead of a waiter when an
 * interrupt is already pending, so check before you touch it. `later` is a wait decided
 * at once, settled in FIFO order behind what is queued:
 *
 * ```ts
 * import { getHub } from '@strand/core'
 * import { Waiter, WaitList, type WaitOwner } from '@strand/core/internal'
 *
 * const OWNER: WaitOwner = { onTimeout: (w) => getHub().fail(w, new Error('no ticket in time')) }
 *
 * class TicketDesk {
 *   private waiters = new WaitList()
 *   private served = 0
 *   take(): Promise<number> {
 *     const w = getHub().park<number>(OWNER, this.waiters, 5, 'TicketDesk.take')
 *     if (!(w instanceof Waiter)) return w   // a kill or Timeout was pending: nothing parked
 *     w.data = Date.now()                   // bookkeeping only for a real waiter
 *     return w.promise
 *   }
 *   serve(): void {
 *     const w = this.waiters.head
 *     if (w !== null) getHub().wake(w, ++this.served)
 *   }
 *   close(): void {
 *     getHub().failAll(this.waiters, () => new Error('the desk closed'))
 *   }
 *   peek(): Promise<number> {
 *     return getHub().later<number>('TicketDesk.peek', this.served) // after the wakes queued now
 *   }
 * }
 * ```
 *
 * `wait`/`park` register the wait with the current greenlet, so kill() and Timeout reject
 * it and remove it from the list; `wake`/`fail` claim it exactly once and the hub settles
 * it in FIFO order. Beyond waits, sibling packages get the hooks below instead of any
 * private field: {@link currentGreenlet}, {@link markObserved}, {@link observeDeath},
 * {@link dropPendingInterrupt} and {@link waitPromise} (a cooperative wait on a foreign
 * promise), {@link mainInterruptArmed} (can a Timeout reach code running as main?) and
 * {@link spawnSite}, {@link watchInterrupts} (be told of a greenlet's next interrupt, more
 * cheaply than through its signal); the current greenlet's interrupt signal is public (`currentSignal()`).
 * For tools: {@link installHub} (run a program on a hub of its own), {@link waitsOf}
 * (what a greenlet is parked on) and {@link WaitResource} (a wait list names its
 * primitive and who holds it, for deadlock reports).
 * @module
 */

export { isGreenletExit, markAsStrandError } from './errors.js'
export { installHub } from './get-hub.js'
export {
  currentGreenlet,
  dropPendingInterrupt,
  mainInterruptArmed,
  markObserved,
  observeDeath,
  spawnSite,
  unobserveDeath,
  unwatchInterrupts,
  waitPromise,
  waitsOf,
  watchInterrupts,
} from './hooks.js'
export { isAbortError, isAbortFor } from './internal/abort.js'
export type { DeathObserver } from './internal/greenlet-links.js'
export type { InterruptWatcher } from './internal/interrupts.js'
export { waitingCount } from './internal/plural.js'
export { Deque, PairRing } from './internal/ring.js'
export { CallbackTimer } from './internal/timer-entries.js'
export { type TimerEntry, TimerHeap } from './internal/timer-heap.js'
export {
  checkCount,
  checkFunction,
  checkOptions,
  checkSeconds,
  describe,
} from './internal/validate.js'
export { WaitList, type WaitResource } from './internal/wait-list.js'
export { CLAIMED, PENDING, SETTLED, Waiter, type WaitOwner } from './internal/waiter.js'
export { Links } from './waitable-links.js'

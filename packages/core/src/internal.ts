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
 * `wait`/`park` register the wait with the current greenlet, so kill() and Timeout reject
 * it and remove it from the list; `wake`/`fail` claim it exactly once and the hub settles
 * it in FIFO order. Beyond waits, sibling packages get the hooks below instead of any
 * private field: {@link currentGreenlet}, {@link markObserved}, {@link observeDeath},
 * {@link dropPendingInterrupt} and {@link waitPromise} (a cooperative wait on a foreign
 * promise), {@link mainInterruptArmed} (can a Timeout reach code running as main?) and
 * {@link spawnSite}; the current greenlet's interrupt signal is public (`currentSignal()`).
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
  waitPromise,
} from './hooks.js'
export { isAbortError, isAbortFor } from './internal/abort.js'
export type { DeathObserver } from './internal/greenlet-links.js'
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
export { WaitList } from './internal/wait-list.js'
export { CLAIMED, PENDING, SETTLED, Waiter, type WaitOwner } from './internal/waiter.js'
export { Links } from './waitable-links.js'

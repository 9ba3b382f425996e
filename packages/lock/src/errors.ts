import { StrandError } from '@strand/core'
import { markAsStrandError } from '@strand/core/internal'

/**
 * Thrown by {@link BoundedSemaphore.release} (and so {@link Lock.release}) when you
 * release more often than you acquired: the counter would pass its initial value.
 * gevent raises `ValueError('Semaphore released too many times')`. It is a `RangeError`.
 *
 * @example
 * ```ts
 * import { Lock, ValueError } from '@strand/lock'
 *
 * try {
 *   new Lock().release()
 * } catch (err) {
 *   err instanceof ValueError // => true
 *   err instanceof RangeError // => true
 * }
 * ```
 */
export class ValueError extends RangeError {
  /** A stable, machine-readable code. */
  readonly code = 'ERR_RELEASED_TOO_MANY_TIMES'

  constructor(readonly initialValue: number) {
    super(
      `Semaphore released too many times: its counter would exceed its initial value ${initialValue}; release only what you acquired`,
    )
    this.name = 'ValueError'
  }
}
// a RangeError for `instanceof`, and still a Strand error for StrandError.is()
markAsStrandError(ValueError)

/**
 * Thrown by {@link RLock.release} when the calling greenlet does not hold the lock:
 * it is unheld, or another greenlet holds it. gevent raises `RuntimeError`.
 *
 * @example
 * ```ts
 * import { RLock, NotOwnerError } from '@strand/lock'
 *
 * try {
 *   new RLock().release()
 * } catch (err) {
 *   err instanceof NotOwnerError // => true
 * }
 * ```
 */
export class NotOwnerError extends StrandError {
  constructor(held: boolean) {
    super(
      'ERR_LOCK_NOT_OWNED',
      held
        ? 'Cannot release an RLock held by another greenlet; only the greenlet that acquired it may release it'
        : 'Cannot release an RLock that is not held; call acquire() first',
    )
  }
}

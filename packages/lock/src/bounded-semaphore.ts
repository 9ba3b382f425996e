import { SETTLED, type Waiter } from '@strand/core/internal'
import { ValueError } from './errors.js'
import { type LockOptions, Semaphore } from './semaphore.js'

/**
 * A {@link Semaphore} that refuses to be released more often than it was acquired:
 * `release()` that would lift the free units past the initial value throws
 * {@link ValueError}. A unit handed to a waiter that has not resumed yet counts as free
 * (as in gevent, where the waiter takes it when it runs), so releasing twice is caught
 * also while someone waits. Catches "released twice" bugs. gevent's `BoundedSemaphore`.
 *
 * @throws TypeError/RangeError when `value` is not an integer from 0 up, or `name` is not a string.
 * @example
 * ```ts
 * import { BoundedSemaphore } from '@strand/lock'
 *
 * const sem = new BoundedSemaphore(1)
 * await sem.acquire()
 * sem.release()
 * sem.release() // throws ValueError: Semaphore released too many times…
 * ```
 */
export class BoundedSemaphore extends Semaphore {
  /** The value it was created with: the most `counter` can be. */
  readonly initialValue: number

  constructor(value = 1, opts?: LockOptions) {
    super(value, opts)
    this.initialValue = this._counter
  }

  /** units handed to waiters that have not resumed yet: they count as free, as in gevent */
  private inFlight: Waiter[] = []

  /** @internal */
  protected override _checkRelease(): void {
    const inFlight = this.inFlight
    if (inFlight.length > 0) this.inFlight = inFlight.filter((w) => w.state !== SETTLED)
    if (this._counter + this.inFlight.length >= this.initialValue) {
      throw new ValueError(this.initialValue)
    }
  }

  /** @internal */
  protected override _granted(w: Waiter): void {
    this.inFlight.push(w)
  }
}

import { ValueError } from './errors.js'
import { Semaphore } from './semaphore.js'

/**
 * A {@link Semaphore} that refuses to be released more often than it was acquired:
 * `release()` that would lift the counter past its initial value throws
 * {@link ValueError}. Catches "released twice" bugs. gevent's `BoundedSemaphore`.
 *
 * @throws TypeError/RangeError when `value` is not an integer from 0 up.
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

  constructor(value = 1) {
    super(value)
    this.initialValue = this._counter
  }

  /** @internal */
  protected override _checkRelease(): void {
    if (this._counter >= this.initialValue) throw new ValueError(this.initialValue)
  }
}

import { BoundedSemaphore } from './bounded-semaphore.js'
import type { LockOptions } from './semaphore.js'

/**
 * A mutual-exclusion lock: a {@link BoundedSemaphore} of one unit. Not re-entrant (the
 * holder acquiring again waits like anyone else; use {@link RLock} for that), and any
 * greenlet may release it. Releasing it when it is not held throws {@link ValueError}.
 * gevent's `gevent.lock.Lock`. Give it a `name` (`new Lock({ name: 'A' })`) and the
 * deadlock reports of `@strand/testing` say `worker-1 holds Lock "A", waits Lock "B"`.
 *
 * @throws TypeError when `name` is not a string.
 * @example
 * ```ts
 * import { Lock } from '@strand/lock'
 *
 * const lock = new Lock()
 * await lock.run(async () => {
 *   lock.locked() // => true
 * })
 * lock.locked() // => false
 * ```
 */
export class Lock extends BoundedSemaphore {
  constructor(opts?: LockOptions) {
    super(1, opts)
  }
}

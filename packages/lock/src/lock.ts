import { BoundedSemaphore } from './bounded-semaphore.js'

/**
 * A mutual-exclusion lock: a {@link BoundedSemaphore} of one unit. Not re-entrant (the
 * holder acquiring again waits like anyone else; use {@link RLock} for that), and any
 * greenlet may release it. Releasing it when it is not held throws {@link ValueError}.
 * gevent's `gevent.lock.Lock`.
 *
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
  constructor() {
    super(1)
  }
}

import { Timeout } from '@strand/core'
import { checkFunction } from '@strand/core/internal'
import { Permit } from '../permit.js'

/** What `run()` and `hold()` need from a semaphore or lock. */
export interface Acquirable {
  acquire(opts?: AcquireOptions): Promise<boolean>
  release(): void
}

/** Options of `acquire()`, `run()` and `hold()`. */
export interface AcquireOptions {
  /** `false`: do not wait; resolve `false` at once when nothing is free. Default `true`. */
  blocking?: boolean | undefined
  /** Seconds to wait at most (ignored with `blocking: false`). Default: no limit. */
  timeout?: number | null | undefined
}

/** acquire() resolved false: the timeout passed, or nothing was free for a non-blocking call. */
function missed(opts: AcquireOptions | undefined): Timeout {
  return new Timeout(opts?.blocking === false ? 0 : (opts?.timeout ?? null))
}

export function runHeld<T>(
  lock: Acquirable,
  fn: () => T | Promise<T>,
  opts: AcquireOptions | undefined,
): Promise<T> {
  checkFunction('fn', fn)
  return lock.acquire(opts).then((ok) => {
    if (!ok) throw missed(opts)
    return callThenRelease(lock, fn)
  })
}

async function callThenRelease<T>(lock: Acquirable, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn()
  } finally {
    lock.release()
  }
}

export function holdPermit(lock: Acquirable, opts: AcquireOptions | undefined): Promise<Permit> {
  return lock.acquire(opts).then((ok) => {
    if (!ok) throw missed(opts)
    return new Permit(lock)
  })
}

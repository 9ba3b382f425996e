import { inspect } from 'node:util'
import { type Greenlet, getCurrent, getHub, type Waitable } from '@strand/core'
import { Links, WaitList, type WaitOwner, waitingCount } from '@strand/core/internal'
import { NotOwnerError } from './errors.js'
import { type AcquireOptions, holdPermit, runHeld } from './internal/held.js'
import type { Permit } from './permit.js'
import { checkAcquire, checkLockOptions, type LockOptions, lockName } from './semaphore.js'

const RESOLVED_TRUE = Promise.resolve(true)
const RESOLVED_FALSE = Promise.resolve(false)
const ACQUIRE_OWNER: WaitOwner = { onTimeout: (w) => getHub().wake(w, false) }

/**
 * A re-entrant lock: the greenlet that holds it may acquire it again, and must release
 * it as many times. Only the holder may release it. gevent's `gevent.lock.RLock`.
 *
 * Waiters are served first come, first served; ownership passes to the longest waiter
 * at the moment the holder's last `release()` runs. A `name` (`new RLock({ name: 'db' })`)
 * shows in `util.inspect` and in the deadlock reports of `@strand/testing`.
 *
 * @throws TypeError when `name` is not a string.
 * @example
 * ```ts
 * import { RLock } from '@strand/lock'
 *
 * const lock = new RLock()
 * await lock.acquire() // => true
 * await lock.acquire() // => true (same greenlet)
 * lock.release()
 * lock.locked() // => true
 * lock.release()
 * lock.locked() // => false
 * ```
 */
export class RLock implements Waitable {
  /** The name given to the constructor, for reports (undefined if none). */
  readonly name: string | undefined
  private owner: Greenlet | null = null
  private count = 0
  private readonly waiters = new WaitList(this)
  private links: Links | null = null

  constructor(opts?: LockOptions) {
    this.name = checkLockOptions(opts)
  }

  /** True while some greenlet holds it. */
  locked(): boolean {
    return this.owner !== null
  }

  /** True when the current greenlet holds it (gevent's `_is_owned`). */
  isOwned(): boolean {
    return this.owner !== null && this.owner === getCurrent()
  }

  /** True when nobody holds it (the {@link Waitable} protocol). */
  ready(): boolean {
    return this.owner === null
  }

  /**
   * Takes the lock, or takes it once more if you already hold it. Resolves `true` once
   * you hold it; `false` when `timeout` seconds pass first, or at once with
   * `blocking: false` when another greenlet holds it. A kill or Timeout aimed at your
   * greenlet rejects it with that exception, and you then hold nothing.
   * @throws TypeError/RangeError (synchronously) for bad options.
   */
  acquire(opts?: AcquireOptions): Promise<boolean> {
    const seconds = checkAcquire(opts)
    const me = getCurrent()
    if (this.owner === me) {
      this.count++
      return RESOLVED_TRUE
    }
    if (this.owner === null) {
      this.owner = me
      this.count = 1
      return RESOLVED_TRUE
    }
    if (opts?.blocking === false) return RESOLVED_FALSE
    return getHub().wait<boolean>(ACQUIRE_OWNER, this.waiters, seconds, 'RLock.acquire', me)
  }

  /**
   * Releases one level; the last one hands the lock to the longest waiter (it resumes
   * after you next wait). Never switches.
   * @throws NotOwnerError when the current greenlet does not hold it.
   */
  release(): void {
    const me = getCurrent()
    if (this.owner !== me) throw new NotOwnerError(this.owner !== null)
    if (--this.count > 0) return
    this.owner = null
    // every waiter in the list is still pending: the first one takes the lock
    const next = this.waiters.head
    if (next !== null) {
      getHub().wake(next, true)
      this.owner = next.data as Greenlet
      this.count = 1
      return
    }
    this.links?.schedule()
  }

  /**
   * Runs `fn` holding the lock (re-entrant calls inside `fn` are fine), releasing it in
   * `finally`. Rejects with a Timeout when it could not be acquired.
   * @throws TypeError (synchronously) when `fn` is not a function, or for bad options.
   */
  run<T>(fn: () => T | Promise<T>, opts?: AcquireOptions): Promise<Awaited<T>> {
    checkAcquire(opts)
    return runHeld(this, fn, opts) as Promise<Awaited<T>>
  }

  /** Acquires it and returns a {@link Permit} that releases it once when disposed. */
  hold(opts?: AcquireOptions): Promise<Permit> {
    checkAcquire(opts)
    return holdPermit(this, opts)
  }

  /** Calls `callback(this)` once from the hub when it is free. Must not wait. */
  rawlink(callback: (w: Waitable) => void): void {
    ;(this.links ??= new Links(this, false)).add(callback)
  }

  /** Removes a callback added by {@link RLock.rawlink}. */
  unlink(callback: (w: Waitable) => void): void {
    this.links?.remove(callback)
  }

  toString(): string {
    const who = this.owner === null ? 'unheld' : `held by ${this.owner.name} x${this.count}`
    return `<${lockName('RLock', this.name)} ${who}, ${this.waiters.size} waiter(s)>`
  }

  /** `RLock(held by "worker-1" ×2, 1 waiter waiting)` or `RLock(unheld, …)`; a named one `RLock "db" (…)`. */
  [inspect.custom](): string {
    const who = this.owner === null ? 'unheld' : `held by "${this.owner.name}" ×${this.count}`
    const head = this.name === undefined ? 'RLock' : `${lockName('RLock', this.name)} `
    return `${head}(${who}, ${waitingCount(this.waiters.size)})`
  }

  /** @internal how deadlock reports name it (core's WaitResource) */
  resourceName(): string {
    return lockName('RLock', this.name)
  }

  /** @internal who holds it (core's WaitResource) */
  resourceHolders(): readonly Greenlet[] {
    return this.owner === null ? [] : [this.owner]
  }
}

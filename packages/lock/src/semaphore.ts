import { inspect } from 'node:util'
import { type Greenlet, getHub, type Waitable } from '@strand/core'
import {
  checkOptions,
  checkSeconds,
  currentGreenlet,
  describe,
  Links,
  type Waiter,
  WaitList,
  type WaitOwner,
  waitingCount,
} from '@strand/core/internal'
import { type AcquireOptions, holdPermit, runHeld } from './internal/held.js'
import type { Permit } from './permit.js'

const RESOLVED_TRUE = Promise.resolve(true)
const RESOLVED_FALSE = Promise.resolve(false)
const ACQUIRE_OWNER: WaitOwner = { onTimeout: (w) => getHub().wake(w, false) }
const AVAILABLE_OWNER: WaitOwner = {
  onTimeout: (w) => getHub().wake(w, (w.data as Semaphore).counter),
}

/** Options of the {@link Semaphore}, {@link BoundedSemaphore}, {@link Lock} and {@link RLock} constructors. */
export interface LockOptions {
  /**
   * A name for the reports: a deadlock report or `runInfo()` tree of `@strand/testing`
   * says `worker-1 holds Lock "A", waits Lock "B"`, and `util.inspect` shows it.
   */
  name?: string | undefined
}

/** Validates the constructor options; returns the name. */
export function checkLockOptions(opts: LockOptions | undefined): string | undefined {
  checkOptions('opts', opts)
  const name = opts?.name
  if (name !== undefined && typeof name !== 'string') {
    throw new TypeError(`Expected \`name\` to be a string, got ${describe(name)}`)
  }
  return name
}

/** `Lock "A"`, or the class name alone: how reports name a lock. */
export function lockName(kind: string, name: string | undefined): string {
  return name === undefined ? kind : `${kind} "${name}"`
}

/** Validates a semaphore's initial value: an integer from 0 up. */
export function checkValue(value: unknown): number {
  if (typeof value !== 'number') {
    throw new TypeError(`Expected \`value\` to be an integer from 0 and up, got ${describe(value)}`)
  }
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(
      `Expected \`value\` to be an integer from 0 and up, got ${describe(value)}`,
    )
  }
  return value
}

/** Validates acquire() options; returns the timeout in seconds or null. */
export function checkAcquire(opts: AcquireOptions | undefined): number | null {
  checkOptions('opts', opts)
  const blocking = opts?.blocking
  if (blocking !== undefined && typeof blocking !== 'boolean') {
    throw new TypeError(`Expected \`blocking\` to be a boolean, got ${describe(blocking)}`)
  }
  return checkSeconds('timeout', opts?.timeout)
}

/**
 * A counter of free units ("permits") that greenlets acquire and release: at most
 * `value` holders at a time. gevent's `gevent.lock.Semaphore`.
 *
 * Waiters are served first come, first served, one per released unit. A permit is
 * handed to the longest waiter *at release time*: `release()` with waiters queued
 * leaves `counter` at 0 and wakes that waiter with `true`; nobody can barge in between,
 * and a waiter killed or timed out in the same turn neither loses nor doubles a permit.
 * A plain Semaphore may be released more often than acquired (the counter grows);
 * {@link BoundedSemaphore} forbids that.
 *
 * It remembers who holds its units (a unit released by a greenlet that holds none is
 * taken off the longest holder), so the deadlock reports of `@strand/testing` can say
 * who holds what; give it a `name` for those reports.
 *
 * @throws TypeError/RangeError when `value` is not an integer from 0 up, or `name` is not a string.
 * @example
 * ```ts
 * import { Semaphore } from '@strand/lock'
 * import { joinAll, sleep, spawn } from '@strand/core'
 *
 * const sem = new Semaphore(2)
 * let busy = 0
 * let most = 0
 * const job = () => sem.run(async () => { most = Math.max(most, ++busy); await sleep(0.01); busy-- })
 * await joinAll([spawn(job), spawn(job), spawn(job)])
 * console.log(most) // => 2
 * ```
 */
export class Semaphore implements Waitable {
  /** The name given to the constructor, for reports (undefined if none). */
  readonly name: string | undefined
  /** @internal */ protected _counter: number
  private readonly waiters = new WaitList(this)
  private availableWaiters: WaitList | null = null
  private links: Links | null = null
  /** who holds the units taken, oldest first, once per unit (null: the main greenlet) */
  private readonly holders: (Greenlet | null)[] = []

  constructor(value = 1, opts?: LockOptions) {
    this._counter = checkValue(value)
    this.name = checkLockOptions(opts)
  }

  /** Free units now. Stays 0 while a release hands its unit straight to a waiter. */
  get counter(): number {
    return this._counter
  }

  /** True when an `acquire()` would have to wait. */
  locked(): boolean {
    return this._counter <= 0
  }

  /** True when a unit is free (the {@link Waitable} protocol; `wait([sem])` waits for one). */
  ready(): boolean {
    return this._counter > 0
  }

  /**
   * Takes one unit, waiting for a release if none is free. Resolves `true` once you
   * hold it; `false` when `timeout` seconds pass first, or at once with
   * `blocking: false` when none is free. A kill or Timeout aimed at your greenlet
   * rejects it with that exception, and you then hold nothing.
   *
   * @throws TypeError/RangeError (synchronously) for bad options or a negative/NaN `timeout`.
   * @example
   * ```ts
   * import { Semaphore } from '@strand/lock'
   *
   * const sem = new Semaphore(1)
   * await sem.acquire() // => true
   * await sem.acquire({ blocking: false }) // => false
   * await sem.acquire({ timeout: 0.01 }) // => false
   * ```
   */
  acquire(opts?: AcquireOptions): Promise<boolean> {
    const seconds = checkAcquire(opts)
    if (this._counter > 0) {
      this._counter--
      this.holders.push(currentGreenlet())
      return RESOLVED_TRUE
    }
    if (opts?.blocking === false) return RESOLVED_FALSE
    const me = currentGreenlet()
    return getHub().wait<boolean>(ACQUIRE_OWNER, this.waiters, seconds, 'Semaphore.acquire', me)
  }

  /**
   * Gives one unit back: to the longest waiter if there is one (it resumes after you
   * next wait), else to the counter. Never switches.
   * @throws ValueError on a {@link BoundedSemaphore} released more than acquired.
   */
  release(): void {
    this._checkRelease()
    this.dropHolder()
    // every waiter in the list is still pending: the longest-waiting one gets the unit
    const next = this.waiters.head
    if (next !== null) {
      getHub().wake(next, true)
      this.holders.push(next.data as Greenlet | null)
      this._granted(next)
      return
    }
    this._counter++
    const avail = this.availableWaiters
    if (avail !== null && avail.size > 0) getHub().wakeAll(avail, this._counter)
    this.links?.schedule()
  }

  /**
   * Waits until a unit is free, without taking it, and resolves the counter (gevent's
   * `Semaphore.wait`). Resolves at once if one is free; resolves the counter (0) when
   * `timeout` seconds pass first. A kill or Timeout aimed at your greenlet rejects it.
   * @throws TypeError/RangeError (synchronously) for a bad `timeout`.
   */
  waitAvailable(opts?: { timeout?: number | null | undefined }): Promise<number> {
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    if (this._counter > 0) return Promise.resolve(this._counter)
    return getHub().wait<number>(
      AVAILABLE_OWNER,
      (this.availableWaiters ??= new WaitList()),
      seconds,
      'Semaphore.waitAvailable',
      this,
    )
  }

  /** gevent's name for {@link Semaphore.waitAvailable}. */
  wait(opts?: { timeout?: number | null | undefined }): Promise<number> {
    return this.waitAvailable(opts)
  }

  /**
   * Runs `fn` holding one unit: acquire, run, release in `finally`. Rejects with a
   * {@link Timeout} when the unit could not be acquired (timeout, or `blocking: false`
   * with none free); rejects with what `fn` throws, after releasing.
   * @throws TypeError (synchronously) when `fn` is not a function, or for bad options.
   * @example
   * ```ts
   * import { Semaphore } from '@strand/lock'
   *
   * await new Semaphore(1).run(() => 'done') // => 'done'
   * ```
   */
  run<T>(fn: () => T | Promise<T>, opts?: AcquireOptions): Promise<Awaited<T>> {
    checkAcquire(opts)
    return runHeld(this, fn, opts) as Promise<Awaited<T>>
  }

  /**
   * Acquires one unit and returns a {@link Permit} that releases it once when disposed:
   * `await using _ = await sem.hold()`. Rejects with a {@link Timeout} like `run()`.
   * @throws TypeError/RangeError (synchronously) for bad options.
   */
  hold(opts?: AcquireOptions): Promise<Permit> {
    checkAcquire(opts)
    return holdPermit(this, opts)
  }

  /**
   * Calls `callback(this)` once from the hub when a unit is free (soon, if one is
   * already). The callback must not wait. Used by `wait()`/`iwait()` from `@strand/core`.
   * @throws TypeError when `callback` is not a function.
   */
  rawlink(callback: (w: Waitable) => void): void {
    ;(this.links ??= new Links(this, false)).add(callback)
  }

  /** Removes a callback added by {@link Semaphore.rawlink}; unknown ones are ignored. */
  unlink(callback: (w: Waitable) => void): void {
    this.links?.remove(callback)
  }

  toString(): string {
    const kind = lockName(this.constructor.name, this.name)
    return `<${kind} counter=${this._counter}, ${this.waiters.size} waiter(s)>`
  }

  /** `Semaphore(counter 0, 2 waiters waiting)`; a Lock shows `Lock(locked, …)`; a named one `Lock "A" (locked, …)`. */
  [inspect.custom](): string {
    const kind = this.constructor.name
    const state =
      kind === 'Lock' ? (this.locked() ? 'locked' : 'unlocked') : `counter ${this._counter}`
    const head = this.name === undefined ? kind : `${lockName(kind, this.name)} `
    return `${head}(${state}, ${waitingCount(this.waiters.size)})`
  }

  /** @internal how deadlock reports name it (core's WaitResource) */
  resourceName(): string {
    return lockName(this.constructor.name, this.name)
  }

  /** @internal who holds its units, oldest first (core's WaitResource) */
  resourceHolders(): readonly (Greenlet | null)[] {
    return this.holders.slice()
  }

  // the releaser gives back one of its own units; a release by a greenlet that holds
  // none (allowed) is taken off the longest holder
  private dropHolder(): void {
    const holders = this.holders
    if (holders.length === 0) return
    const i = holders.indexOf(currentGreenlet())
    holders.splice(i < 0 ? 0 : i, 1)
  }

  /** @internal hook for BoundedSemaphore: throw before anything changes. */
  protected _checkRelease(): void {}

  /** @internal hook for BoundedSemaphore: a release handed its unit to this waiter. */
  protected _granted(_w: Waiter): void {}
}

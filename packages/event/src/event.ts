import { inspect } from 'node:util'
import { getHub, type Waitable } from '@strand/core'
import {
  checkOptions,
  checkSeconds,
  Links,
  SETTLED,
  type Waiter,
  WaitList,
  type WaitOwner,
  waitingCount,
} from '@strand/core/internal'

const RESOLVED_TRUE = Promise.resolve(true)
const WAIT_OWNER: WaitOwner = { onTimeout: (w) => getHub().wake(w, false) }

/**
 * A flag that greenlets wait on: `set()` wakes every waiter, `clear()` lowers it again.
 * gevent's `gevent.event.Event`.
 *
 * Nothing preempts: `set()` returns to you at once, and the waiters run after you next
 * wait, in the order they called {@link Event.wait}. A waiter that was parked when the
 * flag went up returns `true` even if `clear()` followed before it ran.
 *
 * @example
 * ```ts
 * import { Event } from '@strand/event'
 * import { sleep, spawn } from '@strand/core'
 *
 * const ready = new Event()
 * spawn(async () => console.log('waiter saw', await ready.wait()))
 * await sleep(0)
 * ready.set()
 * console.log('setter continues')
 * await sleep(0)
 * // => setter continues
 * // => waiter saw true
 * ```
 */
export class Event implements Waitable {
  private flag = false
  private readonly waiters = new WaitList()
  /** The last waiter the latest set() woke: until it has run, a new wait() queues behind it. */
  private lastWoken: Waiter | null = null
  private links: Links | null = null

  /**
   * Raises the flag and wakes every waiter (they run after you next wait, in wait order).
   * Calling it on a set event does nothing. Never switches.
   */
  set(): void {
    if (this.flag) return
    this.flag = true
    const waiters = this.waiters
    if (waiters.size > 0) {
      this.lastWoken = waiters.tail
      getHub().wakeAll(waiters, true)
    }
    this.links?.schedule()
  }

  /** Lowers the flag: later {@link Event.wait} calls block until the next `set()`. */
  clear(): void {
    this.flag = false
  }

  /** True while the flag is up. */
  isSet(): boolean {
    return this.flag
  }

  /** Same as {@link Event.isSet} (the {@link Waitable} protocol). */
  ready(): boolean {
    return this.flag
  }

  /**
   * Waits until the flag is up. Resolves `true` at once if it is set already, `true`
   * when a `set()` wakes you, or `false` when `timeout` seconds pass first; it never
   * rejects with its own timeout. A kill or {@link Timeout} aimed at your greenlet
   * rejects it with that exception.
   *
   * @throws TypeError/RangeError (synchronously) for a non-number, negative or NaN `timeout`.
   * @example
   * ```ts
   * import { Event } from '@strand/event'
   *
   * await new Event().wait({ timeout: 0.01 }) // => false
   * ```
   */
  wait(opts?: { timeout?: number | null | undefined }): Promise<boolean> {
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    const hub = getHub()
    if (this.flag) {
      const last = this.lastWoken
      if (last === null || last.state === SETTLED) return RESOLVED_TRUE
      // a wake-up round is still queued: take your turn after it (gevent#1520)
      return hub.later<boolean>('Event.wait', true)
    }
    return hub.wait<boolean>(WAIT_OWNER, this.waiters, seconds, 'Event.wait')
  }

  /**
   * Calls `callback(this)` once from the hub when the flag goes up (soon, if it is up
   * already). The callback must not wait. Used by `wait()`/`iwait()` from `@strand/core`.
   * @throws TypeError when `callback` is not a function.
   */
  rawlink(callback: (w: Waitable) => void): void {
    ;(this.links ??= new Links(this, true)).add(callback)
  }

  /** Removes a callback added by {@link Event.rawlink}; unknown callbacks are ignored. */
  unlink(callback: (w: Waitable) => void): void {
    this.links?.remove(callback)
  }

  toString(): string {
    return `<Event ${this.flag ? 'set' : 'clear'}, ${this.waiters.size} waiter(s)>`
  }

  /** `Event(clear, 2 waiters waiting)` in console.log and util.inspect. */
  [inspect.custom](): string {
    return `Event(${this.flag ? 'set' : 'clear'}, ${waitingCount(this.waiters.size)})`
  }
}

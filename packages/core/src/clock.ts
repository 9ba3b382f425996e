import { nodeClearTimeout, nodeSetImmediate, nodeSetTimeout } from './internal/node-timers.js'
/**
 * The time source of a hub. Every sleep, timeout and deadline in Strand reads
 * `now()` and arms at most one timer through `setTimer`, so a test can swap the real
 * clock for a {@link VirtualClock} and run hours of sleeps in milliseconds.
 *
 * @example
 * ```ts
 * import { getHub } from '@strand/core'
 *
 * const t0 = getHub().clock.now() // seconds, monotonic
 * ```
 */
export interface Clock {
  /** Monotonic time in seconds. */
  now(): number
  /** Calls `callback` once, `delay` seconds from now. Returns a handle for {@link Clock.clearTimer}. */
  setTimer(delay: number, callback: () => void): unknown
  clearTimer(handle: unknown): void
  /** Told by the hub when it adopts this clock: `isIdle()` is true when no greenlet is ready to run. */
  attach?(isIdle: () => boolean): void
}

/**
 * The default clock: `performance.now()` and Node's `setTimeout` (ref'd: a pending
 * sleep keeps the process alive, as in gevent).
 *
 * @example
 * ```ts
 * import { realClock } from '@strand/core'
 *
 * realClock.now() > 0 // => true
 * ```
 */
export const realClock: Clock = {
  now: () => performance.now() / 1000,
  setTimer: (delay, callback) => nodeSetTimeout(callback, delay * 1000),
  clearTimer: (handle) => nodeClearTimeout(handle as NodeJS.Timeout),
}

/**
 * A clock that jumps: whenever no greenlet is ready to run, time advances straight to
 * the next deadline. Sleeps, timeouts and spawnLater keep their order and their
 * relative timing, but a 3-second sleep costs nothing. Only Strand's own waits are
 * virtual: real I/O still takes real time, so use it for code whose waits are Strand's.
 *
 * @example
 * ```ts
 * import { VirtualClock, getHub, sleep } from '@strand/core'
 *
 * const clock = new VirtualClock()
 * getHub().useClock(clock)
 * await sleep(3600) // returns at once
 * clock.now() // => 3600
 * ```
 */
export class VirtualClock implements Clock {
  private time: number
  private pending: { at: number; callback: () => void } | null = null
  private polling = false
  private isIdle: () => boolean = () => true

  constructor(start = 0) {
    this.time = start
  }

  now(): number {
    return this.time
  }

  setTimer(delay: number, callback: () => void): unknown {
    const timer = { at: this.time + Math.max(0, delay), callback }
    this.pending = timer
    this.poll()
    return timer
  }

  clearTimer(handle: unknown): void {
    if (this.pending === handle) this.pending = null
  }

  attach(isIdle: () => boolean): void {
    this.isIdle = isIdle
  }

  /** Moves time forward by hand (it never goes back). */
  advance(seconds: number): void {
    this.time += Math.max(0, seconds)
  }

  // setImmediate runs after every microtask: when it finds the hub idle, nothing can
  // happen before the next deadline, so jumping there is indistinguishable from waiting.
  private poll(): void {
    if (this.polling) return
    this.polling = true
    nodeSetImmediate(this.tick)
  }

  private tick = (): void => {
    this.polling = false
    const timer = this.pending
    if (timer === null) return
    if (!this.isIdle()) {
      this.poll()
      return
    }
    this.pending = null
    if (timer.at > this.time) this.time = timer.at
    timer.callback()
  }
}

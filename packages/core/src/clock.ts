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

/** Options of the {@link VirtualClock} constructor. */
export interface VirtualClockOptions {
  /**
   * Jump to the next deadline whenever no greenlet is ready (default `true`, Trio's
   * autojump clock). With `false`, time moves only when you call
   * {@link VirtualClock.advance}, as with Effect's `TestClock.adjust`.
   */
  autojump?: boolean
}

/**
 * A clock that jumps: whenever no greenlet is ready to run, time advances straight to
 * the next deadline. Sleeps, timeouts and spawnLater keep their order and their
 * relative timing, but a 3-second sleep costs nothing. Only Strand's own waits are
 * virtual: real I/O still takes real time, so use it for code whose waits are Strand's.
 * With `{ autojump: false }` time stands still until you {@link VirtualClock.advance} it.
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
  /** False when only {@link VirtualClock.advance} moves time. */
  readonly autojump: boolean
  private time: number
  /** How far time may run without autojump (and while an advance() is being settled). */
  private target: number
  private pending: { at: number; callback: () => void } | null = null
  private polling = false
  private isIdle: () => boolean = () => true
  /** advance() calls waiting for the time to get there and the wake-ups to run */
  private advancing: (() => void)[] = []

  constructor(start = 0, opts?: VirtualClockOptions) {
    this.time = start
    this.target = start
    this.autojump = opts?.autojump !== false
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

  /**
   * Moves time forward by `seconds` (it never goes back). The timers that fall due on
   * the way fire in deadline order, each at its own time, once the greenlets they wake
   * have run; the promise resolves when time has got there and nothing is left to run.
   * With autojump on, time moves at once, as before, and the promise resolves at the
   * next quiet moment.
   *
   * @example
   * ```ts
   * import { VirtualClock, getHub, sleep, spawn } from '@strand/core'
   *
   * const clock = new VirtualClock(0, { autojump: false })
   * getHub().useClock(clock)
   * const g = spawn(() => sleep(60))
   * await clock.advance(59)
   * g.dead // => false
   * await clock.advance(1)
   * g.dead // => true
   * ```
   */
  advance(seconds: number): Promise<void> {
    const s = Math.max(0, seconds)
    if (this.autojump) {
      this.time += s
      this.target = this.time
    } else {
      this.target = Math.max(this.target, this.time) + s
    }
    const done = new Promise<void>((resolve) => this.advancing.push(resolve))
    this.poll()
    return done
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
    if (!this.isIdle()) {
      if (timer !== null || this.advancing.length > 0) this.poll()
      return
    }
    // an advance() being settled holds autojump back until its callers have run
    const limit = this.autojump && this.advancing.length === 0 ? Infinity : this.target
    if (timer !== null && timer.at <= limit) {
      this.pending = null
      if (timer.at > this.time) this.time = timer.at
      timer.callback()
      if (this.advancing.length > 0) this.poll()
      return
    }
    if (this.time < this.target) this.time = this.target
    if (this.advancing.length > 0) {
      const done = this.advancing
      this.advancing = []
      for (const resolve of done) resolve()
      if (timer !== null) this.poll()
    }
  }
}

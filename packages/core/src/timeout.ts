import { inspect } from 'node:util'
import { StrandError } from './errors.js'
import { getHub } from './get-hub.js'
import { dropPending, enterScope, leaveScope, nextOrder } from './internal/interrupts.js'
import { DEAD, type Task } from './internal/task.js'
import { checkSeconds, describe } from './internal/validate.js'

function message(seconds: number | null, exception: unknown): string {
  const base = seconds === null ? '' : seconds === 1 ? '1 second' : `${seconds} seconds`
  if (exception === false) return `${base} (silent)`
  if (typeof exception === 'string') return `${base}: ${exception}`
  return base
}

/**
 * A deadline for the greenlet that starts it. When it fires, that greenlet gets
 * `exception` (by default the Timeout itself) at whatever it waits on — a sleep, a
 * queue, a join, a socket — or, if it is busy elsewhere, at its next wait; its
 * {@link Timeout.signal} aborts, so work given that signal stops too.
 * Creating one does not start it.
 *
 * Nested timeouts are independent: each raises only itself, so catch yours by
 * identity (`err === t`); an inner one never hides an outer one. A Timeout whose
 * `seconds` is null never fires. Python's silent `with Timeout(5, False):` is
 * `await withTimeout(5, fn, { timeoutValue })`. A Timeout carries no stack trace
 * (capturing one would cost more than the rest of a `withTimeout()` call).
 *
 * @example
 * ```ts
 * import { Timeout, sleep } from '@strand/core'
 *
 * const t = Timeout.startNew(0.05)
 * try {
 *   await sleep(10)
 * } catch (err) {
 *   if (err !== t) throw err
 *   console.log('Could not complete') // => Could not complete
 * } finally {
 *   t.cancel()
 * }
 * ```
 */
// an InterruptScope for the kernel (order, abortScope, cancel), not declared as such: the
// published type must not name the kernel's interface
export class Timeout extends StrandError implements Disposable {
  /** The delay in seconds, or null for "never". */
  readonly seconds: number | null
  /** @internal timer-heap entry */
  deadline = 0
  /** @internal timer-heap entry */
  seq = 0
  /** @internal timer-heap entry */
  heapIndex = -1
  /** @internal when it was last started: outer scopes have smaller orders */
  order = 0
  readonly #exception: unknown
  #target: Task | null = null
  #closed = false
  #controller: AbortController | null = null
  /** fired since it was last started: a signal asked for now is born aborted */
  #fired = false

  /**
   * @param seconds delay; `null`/`undefined` never fires.
   * @param exception what to raise: omitted, `false` (silent, see {@link withTimeout})
   *   or a string (appended to the message) raise the Timeout itself; an Error instance
   *   is raised as is; an Error class is instantiated.
   * @throws TypeError/RangeError for a negative, NaN or non-number `seconds`.
   */
  constructor(seconds?: number | null, exception?: unknown) {
    const s = checkSeconds('seconds', seconds)
    const limit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    super('ERR_TIMEOUT', message(s, exception))
    Error.stackTraceLimit = limit
    this.seconds = s
    this.#exception = exception
  }

  /**
   * Creates and starts a Timeout. Given a Timeout, starts it if needed and returns it.
   * @example
   * ```ts
   * import { Timeout } from '@strand/core'
   *
   * using t = Timeout.startNew(5) // cancelled when the block ends
   * ```
   */
  static startNew(seconds?: number | null | Timeout, exception?: unknown): Timeout {
    if (seconds instanceof Timeout) {
      if (!seconds.pending) seconds.start()
      return seconds
    }
    return new Timeout(seconds, exception).start()
  }

  /** True while armed. */
  get pending(): boolean {
    return this.heapIndex >= 0
  }

  /**
   * Arms it against the current greenlet. Restarting it from another greenlet first
   * takes back anything it raised into the previous one and that was not received yet.
   * @throws StrandError (`ERR_TIMEOUT_PENDING`) if it is already pending,
   * (`ERR_TIMEOUT_CLOSED`) if it was closed.
   */
  start(): this {
    if (this.#closed) {
      throw new StrandError('ERR_TIMEOUT_CLOSED', 'This Timeout was closed; create a new one')
    }
    if (this.pending) {
      throw new StrandError(
        'ERR_TIMEOUT_PENDING',
        'This Timeout is already pending; cancel() it before start()',
      )
    }
    const hub = getHub()
    const target = hub.currentTask()
    const previous = this.#target
    if (previous !== null) {
      dropPending(previous, this)
      leaveScope(previous, this)
    }
    this.#target = target
    this.#fired = false
    if (this.#controller?.signal.aborted) this.#controller = null
    this.order = nextOrder()
    enterScope(target, this)
    if (this.seconds !== null) hub.addTimer(this, this.seconds)
    return this
  }

  /**
   * Disarms it; if it fired but its exception was not received yet, that is taken back
   * too. It can be started again.
   */
  cancel(): void {
    if (this.heapIndex >= 0) getHub().removeTimer(this)
    const target = this.#target
    if (target !== null) {
      if (target.pending !== null) dropPending(target, this)
      leaveScope(target, this)
    }
  }

  /** Cancels it for good. */
  close(): void {
    this.cancel()
    this.#closed = true
    this.#target = null
  }

  /** Cancels it: `using t = Timeout.startNew(1)` scopes it to a block. */
  [Symbol.dispose](): void {
    this.cancel()
  }

  /** True for a silent Timeout (`exception: false`): {@link withTimeout} then returns undefined. */
  get silent(): boolean {
    return this.#exception === false
  }

  /**
   * An AbortSignal aborted (reason: what this Timeout raises) when it fires, when an
   * enclosing Timeout of the same greenlet fires, or when that greenlet is killed while
   * this one is pending: whatever cuts the work under this Timeout short. Created on
   * first use. {@link withTimeout} passes it to its function.
   *
   * @example
   * ```ts
   * import { Timeout } from '@strand/core'
   * import { setTimeout as delay } from 'node:timers/promises'
   *
   * using t = Timeout.startNew(0.01)
   * await delay(10_000, null, { signal: t.signal })
   * // rejects after 10 ms with an AbortError whose `cause` is `t`; the 10 s timer is cleared
   * ```
   */
  get signal(): AbortSignal {
    if (this.#controller === null) {
      this.#controller = new AbortController()
      if (this.#fired) this.#controller.abort(this.#raised())
    }
    return this.#controller.signal
  }

  /** @internal called by the hub when the deadline passes */
  fire(): void {
    const target = this.#target
    if (target === null || target.state === DEAD) return
    this.#fired = true
    getHub().interruptTask(target, this.#raised(), this)
    leaveScope(target, this)
  }

  /** @internal the work under it is cut short (it fired, an outer one did, or a kill) */
  abortScope(reason: unknown): void {
    const controller = this.#controller
    if (controller !== null && !controller.signal.aborted) controller.abort(reason)
  }

  /** `Timeout(0.5 s, pending)` in console.log and util.inspect. */
  [inspect.custom](): string {
    const s = this.seconds === null ? 'never' : `${this.seconds} s`
    const state = this.pending ? 'pending' : this.#fired ? 'fired' : 'idle'
    return `Timeout(${s}, ${state})`
  }

  #raised(): unknown {
    const exc = this.#exception
    if (exc === undefined || exc === null || exc === false || typeof exc === 'string') return this
    if (typeof exc === 'function') {
      try {
        return new (exc as new () => unknown)()
      } catch {
        return new TypeError(
          `Timeout exception must be an error or an error class, got ${describe(exc)}`,
        )
      }
    }
    return exc
  }
}

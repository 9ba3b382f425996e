import { StrandError } from './errors.js'
import { getHub } from './get-hub.js'
import type { Greenlet } from './greenlet.js'
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
 * queue, a join, a socket — or, if it is busy elsewhere, at its next wait.
 * Creating one does not start it.
 *
 * Nested timeouts are independent: each raises only itself, so catch yours by
 * identity (`err === t`). A Timeout whose `seconds` is null never fires.
 * Python's silent `with Timeout(5, False):` is `await withTimeout(5, fn, { timeoutValue })`.
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
export class Timeout extends StrandError implements Disposable {
  /** The delay in seconds, or null for "never". */
  readonly seconds: number | null
  /** @internal timer-heap fields */ deadline = 0
  /** @internal */ seq = 0
  /** @internal */ heapIndex = -1
  private readonly _exception: unknown
  private _target: Greenlet | null = null
  private _closed = false
  private _controller: AbortController | null = null
  /** Fired since it was last started: a signal asked for now is born aborted. */
  private _fired = false

  /**
   * @param seconds delay; `null`/`undefined` never fires.
   * @param exception what to raise: omitted, `false` (silent, see {@link withTimeout})
   *   or a string (appended to the message) raise the Timeout itself; an Error instance
   *   is raised as is; an Error class is instantiated.
   * @throws TypeError/RangeError for a negative, NaN or non-number `seconds`.
   */
  constructor(seconds?: number | null, exception?: unknown) {
    const s = checkSeconds('seconds', seconds)
    // no stack: capturing one costs more than the rest of a withTimeout() call, and a
    // Timeout's stack would show where it was made, not where it interrupted you
    const limit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    super('ERR_TIMEOUT', message(s, exception))
    Error.stackTraceLimit = limit
    this.seconds = s
    this._exception = exception
  }

  /**
   * Creates and starts a Timeout. Given a Timeout, starts it if needed and returns it.
   * @example
   * ```ts
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
   * Arms it against the current greenlet.
   * @throws Error if it is already pending or was closed.
   */
  start(): this {
    if (this._closed) {
      throw new StrandError('ERR_TIMEOUT_CLOSED', 'This Timeout was closed; create a new one')
    }
    if (this.pending) {
      throw new StrandError(
        'ERR_TIMEOUT_PENDING',
        'This Timeout is already pending; cancel() it before start()',
      )
    }
    const hub = getHub()
    const target = hub.current()
    if (this._target !== null && this._target !== target) this._target._dropPending(this)
    this._target = target
    this._fired = false
    if (this._controller?.signal.aborted) this._controller = null
    target._enterScope(this)
    if (this.seconds !== null) hub.addTimer(this, this.seconds)
    return this
  }

  /** Disarms it; if it fired but its exception was not delivered yet, that is dropped too. Can be restarted. */
  cancel(): void {
    if (this.heapIndex >= 0) getHub().removeTimer(this)
    const target = this._target
    if (target !== null) {
      target._dropPending(this)
      target._leaveScope(this)
    }
  }

  /**
   * An AbortSignal aborted (reason: this Timeout's exception) when it fires, when an
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
   * await delay(10_000, null, { signal: t.signal }) // rejects after 10 ms, the timer is cleared
   * ```
   */
  get signal(): AbortSignal {
    if (this._controller === null) {
      this._controller = new AbortController()
      if (this._fired) this._controller.abort(this.raised())
    }
    return this._controller.signal
  }

  /** Cancels it for good. */
  close(): void {
    this.cancel()
    this._closed = true
    this._target = null
  }

  /** Cancels it: `using t = Timeout.startNew(1)` scopes it to a block. */
  [Symbol.dispose](): void {
    this.cancel()
  }

  /** True for a silent Timeout (`exception: false`): {@link withTimeout} then returns undefined. */
  get silent(): boolean {
    return this._exception === false
  }

  /** @internal called by the hub when the deadline passes */
  fire(): void {
    const target = this._target
    if (target === null || target.dead) return
    this._fired = true
    target.hub.interrupt(target, this.raised(), this)
    target._leaveScope(this)
  }

  /** @internal the work under it is cut short (it fired, an outer one did, or a kill) */
  abortScope(reason: unknown): void {
    const controller = this._controller
    if (controller === null || controller.signal.aborted) return
    try {
      controller.abort(reason)
    } catch (err) {
      getHub().handleError(err, this._target)
    }
  }

  private raised(): unknown {
    const exc = this._exception
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

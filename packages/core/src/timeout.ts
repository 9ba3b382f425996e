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

  /**
   * @param seconds delay; `null`/`undefined` never fires.
   * @param exception what to raise: omitted, `false` (silent, see {@link withTimeout})
   *   or a string (appended to the message) raise the Timeout itself; an Error instance
   *   is raised as is; an Error class is instantiated.
   * @throws TypeError/RangeError for a negative, NaN or non-number `seconds`.
   */
  constructor(seconds?: number | null, exception?: unknown) {
    const s = checkSeconds('seconds', seconds)
    super('ERR_TIMEOUT', message(s, exception))
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
    if (this._closed) throw new Error('This Timeout was closed; create a new one')
    if (this.pending) throw new Error('This Timeout is already pending; cancel() it before start()')
    const hub = getHub()
    this._target = hub.current()
    if (this.seconds !== null) hub.addTimer(this, this.seconds)
    return this
  }

  /** Disarms it; if it fired but its exception was not delivered yet, that is dropped too. Can be restarted. */
  cancel(): void {
    if (this.heapIndex >= 0) getHub().removeTimer(this)
    this._target?._dropPending(this)
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
    target.hub.interrupt(target, this.raised(), this)
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

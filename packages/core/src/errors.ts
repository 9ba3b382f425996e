const BRAND = Symbol.for('strand.error')

/**
 * The base class of every error Strand throws on purpose.
 *
 * Each error carries a stable `code` (for logs and `switch`), an optional `cause`,
 * and a brand, so {@link StrandError.is} still matches when two copies of Strand
 * are loaded in one process.
 *
 * @example
 * ```ts
 * import { StrandError, Timeout } from '@strand/core'
 *
 * const err = new Timeout(1)
 * StrandError.is(err) // => true
 * err.code // => 'ERR_TIMEOUT'
 * ```
 */
export class StrandError extends Error {
  /** A stable, machine-readable code such as `ERR_TIMEOUT`. */
  readonly code: string

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
    this.name = new.target.name
  }

  /** True for any Strand error, also one thrown by another copy of the library. */
  static is(value: unknown): value is StrandError {
    return typeof value === 'object' && value !== null && BRAND in value
  }
}
Object.defineProperty(StrandError.prototype, BRAND, { value: true })

/**
 * Makes instances of an error class that cannot extend StrandError (say, one that must
 * stay a RangeError) pass {@link StrandError.is}.
 */
export function markAsStrandError(errorClass: abstract new (...args: never[]) => Error): void {
  Object.defineProperty(errorClass.prototype, BRAND, { value: true })
}

/**
 * The default exception of {@link Greenlet.kill}. A greenlet that ends with it ended
 * normally: `successful()` is true and `value` is the GreenletExit instance.
 *
 * It has no stack trace and, by default, no message: it is a request to stop, not a
 * bug report, so it prints as just `GreenletExit`.
 *
 * @example
 * ```ts
 * import { GreenletExit, sleep, spawn } from '@strand/core'
 *
 * const g = spawn(() => sleep(10))
 * await sleep(0)
 * await g.kill()
 * g.successful() // => true
 * g.value instanceof GreenletExit // => true
 * ```
 */
export class GreenletExit extends StrandError {
  constructor(message = '') {
    const limit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    super('ERR_GREENLET_EXIT', message)
    Error.stackTraceLimit = limit
  }
}

/**
 * Raised into waiters when the process would otherwise exit with them still blocked:
 * nothing is left that could ever wake them ("This operation would block forever").
 * Its message names what they were waiting on, followed by a `report` of every blocked
 * greenlet when a tool explains it (`@strand/testing` does).
 *
 * @example
 * ```ts
 * import { LoopExit } from '@strand/core'
 *
 * // At the top level of a script, with nothing else running:
 * //   await new Queue().get()
 * // => LoopExit: This operation would block forever (waiting on Queue.get)
 * console.log(new LoopExit('Queue.get').message)
 * // => This operation would block forever (waiting on Queue.get)
 * ```
 */
export class LoopExit extends StrandError {
  /** Who was blocked on what, when a tool explained it ({@link Hub.explainLoopExit}); also the end of the message. */
  readonly report: string | undefined

  constructor(waitingOn?: string, report?: string) {
    const what = `This operation would block forever${waitingOn ? ` (waiting on ${waitingOn})` : ''}`
    super('ERR_LOOP_EXIT', report ? `${what}\n${report}` : what)
    this.report = report || undefined
  }
}

/**
 * Thrown when code that runs inside the hub (a `rawlink` callback) tries to wait.
 * Hub callbacks must not block; use `link()` instead, which runs in its own greenlet.
 *
 * @example
 * ```ts
 * import { BlockingSwitchOutError } from '@strand/core'
 *
 * new BlockingSwitchOutError().code // => 'ERR_BLOCKING_SWITCH_OUT'
 * ```
 */
export class BlockingSwitchOutError extends StrandError {
  constructor() {
    super(
      'ERR_BLOCKING_SWITCH_OUT',
      'Impossible to wait inside a hub callback (rawlink): use link(), which runs the callback in its own greenlet',
    )
  }
}

/** True for GreenletExit, also from another copy of Strand. */
export function isGreenletExit(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false // most values: no prototype walk
  return err instanceof GreenletExit || (StrandError.is(err) && err.code === 'ERR_GREENLET_EXIT')
}

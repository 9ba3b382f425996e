import { isAbortFor } from './internal/abort.js'
import { checkFunction, checkOptions } from './internal/validate.js'
import { Timeout } from './timeout.js'

/** Options of {@link withTimeout}. */
export interface WithTimeoutOptions<D> {
  /** Returned instead of throwing when this timeout fires. */
  timeoutValue?: D
}

/**
 * Runs `fn` in the current greenlet under a fresh {@link Timeout}. If that timeout
 * fires, you get `timeoutValue` when you gave one, otherwise the Timeout is thrown.
 * An outer Timeout always propagates: an inner `timeoutValue` never swallows it.
 *
 * `fn` receives an AbortSignal ({@link Timeout.signal}) that aborts when this timeout
 * fires, an enclosing one fires, or the greenlet is killed: pass it to `fetch`,
 * `child_process.exec`, `events.once`… and the work itself stops at the deadline, not
 * only your wait for it. An AbortError caused by this timeout counts as the timeout.
 * (The signal is made only when `fn` declares a parameter: it costs about 2 µs.)
 *
 * Pass a silent Timeout (`new Timeout(s, false)`) instead of seconds to get `undefined`
 * on expiry — Python's `with Timeout(s, False):`.
 *
 * @throws TypeError/RangeError synchronously for a bad `seconds`, a non-function `fn`
 * or non-object `opts` (before any promise is returned).
 * @example
 * ```ts
 * import { sleep, withTimeout } from '@strand/core'
 *
 * await withTimeout(0.01, () => sleep(1), { timeoutValue: 'late' }) // => 'late'
 * await withTimeout(1, async () => 'done') // => 'done'
 * await withTimeout(1, (signal) => fetch('http://127.0.0.1:8080/', { signal }))
 * // the request is aborted if it takes longer than 1 s
 * ```
 */
export function withTimeout<T, D = never>(
  seconds: number | Timeout,
  fn: (signal: AbortSignal) => T | PromiseLike<T>,
  opts?: WithTimeoutOptions<D>,
): Promise<T | D> {
  checkFunction('fn', fn)
  checkOptions('opts', opts)
  const timeout = seconds instanceof Timeout ? seconds : new Timeout(seconds)
  timeout.start()
  return runWithin(timeout, fn, opts)
}

async function runWithin<T, D>(
  timeout: Timeout,
  fn: (signal: AbortSignal) => T | PromiseLike<T>,
  opts: WithTimeoutOptions<D> | undefined,
): Promise<T | D> {
  try {
    return await (fn.length > 0 ? fn(timeout.signal) : (fn as () => T | PromiseLike<T>)())
  } catch (err) {
    if (err === timeout || isAbortFor(err, timeout)) {
      if (opts !== undefined && 'timeoutValue' in opts) return opts.timeoutValue as D
      if (timeout.silent) return undefined as D
      throw timeout
    }
    throw err
  } finally {
    timeout.cancel()
  }
}

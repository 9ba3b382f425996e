import { checkFunction } from './internal/validate.js'
import { Timeout } from './timeout.js'

/**
 * Runs `fn` in the current greenlet under a fresh {@link Timeout}. If that timeout
 * fires, you get `timeoutValue` when you gave one, otherwise the Timeout is thrown.
 * An outer Timeout always propagates: an inner `timeoutValue` never swallows it.
 *
 * Pass a silent Timeout (`new Timeout(s, false)`) instead of seconds to get `undefined`
 * on expiry — Python's `with Timeout(s, False):`.
 *
 * @throws TypeError/RangeError for a bad `seconds` or a non-function `fn`.
 * @example
 * ```ts
 * import { sleep, withTimeout } from '@strand/core'
 *
 * await withTimeout(0.01, () => sleep(1), { timeoutValue: 'late' }) // => 'late'
 * await withTimeout(1, async () => 'done') // => 'done'
 * ```
 */
export async function withTimeout<T, D = never>(
  seconds: number | Timeout,
  fn: () => T | PromiseLike<T>,
  opts?: { timeoutValue?: D },
): Promise<T | D> {
  checkFunction('fn', fn)
  const timeout = seconds instanceof Timeout ? seconds : new Timeout(seconds)
  timeout.start()
  try {
    return await fn()
  } catch (err) {
    if (err === timeout) {
      if (opts !== undefined && 'timeoutValue' in opts) return opts.timeoutValue as D
      if (timeout.silent) return undefined as D
    }
    throw err
  } finally {
    timeout.cancel()
  }
}

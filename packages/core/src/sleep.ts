import { getHub } from './get-hub.js'
import { checkSeconds } from './internal/validate.js'
import type { WaitOwner } from './internal/waiter.js'

const SLEEP_OWNER: WaitOwner = { onTimeout: (w) => getHub().wake(w) }

/**
 * Pauses the current greenlet for `seconds` and lets the others run. `sleep(0)` (the
 * default) costs no timer: it lets every other ready greenlet run once, then resumes.
 * A kill or Timeout interrupts the sleep.
 *
 * @throws TypeError/RangeError for a negative, NaN or non-number `seconds`.
 * @example
 * ```ts
 * import { sleep } from '@strand/core'
 *
 * await sleep(0.1) // 100 ms
 * await sleep() // just yield
 * ```
 */
export function sleep(seconds: number = 0): Promise<void> {
  const s = checkSeconds('seconds', seconds)
  const hub = getHub()
  if (s === 0) return hub.yieldNow()
  return hub.wait<void>(SLEEP_OWNER, null, s, 'sleep')
}

/**
 * Resumes when the hub has nothing else ready to run: everything already queued runs
 * first. Useful to let a burst of work settle.
 *
 * @example
 * ```ts
 * import { idle, spawn } from '@strand/core'
 *
 * spawn(() => console.log('spawned'))
 * await idle()
 * console.log('after idle')
 * // => spawned, after idle
 * ```
 */
export function idle(): Promise<void> {
  return getHub().idle()
}

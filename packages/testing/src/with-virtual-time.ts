import type { VirtualClock } from '@strand/core'
import { checkFunction, checkOptions, describe } from '@strand/core/internal'
import { parents } from './internal/parents.js'
import { checkOutsideGreenlets, runOnFreshHub } from './internal/run.js'
import { RunClock } from './internal/run-clock.js'

/** Options of {@link withVirtualTime}. */
export interface VirtualTimeOptions {
  /**
   * Jump to the next deadline whenever nothing is ready (default `true`, Trio's autojump
   * clock). With `false`, time moves only when you `await clock.advance(seconds)`, as
   * with Effect's `TestClock.adjust`.
   */
  autojump?: boolean | undefined
}

/**
 * Runs `fn` on a fresh hub with a {@link VirtualClock}: every `sleep`, `Timeout` and
 * `timeout` option becomes instant, in the right order and at the right virtual time
 * (`clock.now()` tells it), and the thread's own hub is back in place afterwards. Use
 * it inside any test (vitest, node:test): `fn` runs as the main greenlet of that hub.
 *
 * It resolves with what `fn` returns, and rejects with what `fn` throws, or with the
 * first error a greenlet died of that nobody retrieved. When everything blocks with
 * nothing left to wake it, the waits get a `LoopExit` carrying a deadlock report (who
 * waits on what, who holds it, the cycle), as a process would at exit, instead of the
 * test hanging. Real I/O cannot be virtual: a program that waits on a socket, a file or
 * a DNS lookup fails with {@link RealIOError}. Greenlets still alive when `fn` ends are
 * killed.
 *
 * Do not run two of these at once in one thread (`test.concurrent`): the hub is the thread's.
 *
 * @throws TypeError synchronously for a non-function `fn` or bad options;
 * StrandError `ERR_RUN_IN_GREENLET` when called inside a greenlet.
 * @example
 * ```ts
 * import { sleep, spawn, Timeout } from '@strand/core'
 * import { withVirtualTime } from '@strand/testing'
 *
 * const elapsed = await withVirtualTime(async (clock) => {
 *   const ticker = spawn(async () => {
 *     for (let i = 0; i < 60; i++) await sleep(60) // an hour, in one-minute steps
 *   })
 *   await ticker.join()
 *   return clock.now()
 * })
 * elapsed // => 3600, in a few milliseconds
 * ```
 */
export function withVirtualTime<T>(
  fn: (clock: VirtualClock) => T | PromiseLike<T>,
  opts?: VirtualTimeOptions,
): Promise<Awaited<T>> {
  checkFunction('fn', fn)
  checkOptions('opts', opts)
  const autojump = opts?.autojump
  if (autojump !== undefined && typeof autojump !== 'boolean') {
    throw new TypeError(`Expected \`autojump\` to be a boolean, got ${describe(autojump)}`)
  }
  checkOutsideGreenlets('withVirtualTime')
  const clock = new RunClock(0, { autojump: autojump !== false })
  return runOnFreshHub(fn, {
    clock,
    trace: (e) => {
      if (e.kind === 'spawn') parents.set(e.greenlet, e.parent)
    },
  }).then((outcome) => {
    if (!outcome.ok) throw outcome.error
    return outcome.value as Awaited<T>
  })
}

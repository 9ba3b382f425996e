import { getHub } from './get-hub.js'
import { Greenlet } from './greenlet.js'

/**
 * Starts `fn(...args)` as a new greenlet and returns its handle. The function does not
 * run now: it starts on the hub's next turn, after everything already queued, in spawn
 * order. `spawn` itself never switches.
 *
 * @throws TypeError if `fn` is not a function.
 * @example
 * ```ts
 * import { joinAll, sleep, spawn } from '@strand/core'
 *
 * const foo = spawn(async () => { console.log('foo is running'); await sleep(0); console.log('foo is ending') })
 * const bar = spawn(async () => { console.log('bar is running'); await sleep(0); console.log('bar is ending') })
 * await joinAll([foo, bar])
 * // => foo is running, bar is running, foo is ending, bar is ending
 * ```
 */
export function spawn<A extends unknown[], R>(
  fn: (...args: A) => R,
  ...args: A
): Greenlet<Awaited<R>> {
  return new Greenlet<Awaited<R>>(fn as never, ...args).start()
}

/**
 * Starts `fn(...args)` as a new greenlet `seconds` from now. Equal delays start in
 * creation order.
 *
 * @throws TypeError if `fn` is not a function; TypeError/RangeError for a bad `seconds`.
 * @example
 * ```ts
 * import { spawnLater } from '@strand/core'
 *
 * const g = spawnLater(0.1, () => 'later')
 * await g.get() // => 'later' (after 0.1 s)
 * ```
 */
export function spawnLater<A extends unknown[], R>(
  seconds: number,
  fn: (...args: A) => R,
  ...args: A
): Greenlet<Awaited<R>> {
  return new Greenlet<Awaited<R>>(fn as never, ...args).startLater(seconds)
}

/**
 * The running greenlet, or the hub's root greenlet (named "main") outside any spawned one.
 *
 * @example
 * ```ts
 * import { getCurrent, spawn } from '@strand/core'
 *
 * getCurrent().name // => 'main'
 * const g = spawn((): boolean => getCurrent() === g)
 * await g.get() // => true
 * ```
 */
export function getCurrent(): Greenlet {
  return getHub().current()
}

/**
 * The running greenlet's {@link Greenlet.interruptSignal}: aborted when it is killed or
 * a Timeout fires against it. Pass it to any API that takes a signal, so kill and
 * Timeout stop the work itself, not only your wait for it.
 *
 * @example
 * ```ts
 * import { currentSignal, withTimeout } from '@strand/core'
 * import { setTimeout as delay } from 'node:timers/promises'
 *
 * await withTimeout(0.01, () => delay(10_000, null, { signal: currentSignal() }), { timeoutValue: 'cut off' })
 * // => 'cut off' (and the 10 s timer is gone)
 * ```
 */
export function currentSignal(): AbortSignal {
  return getHub().current().interruptSignal
}

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
 * await spawn(() => getCurrent().name).get() // => 'Greenlet-1'
 * ```
 */
export function getCurrent(): Greenlet {
  return getHub().current()
}

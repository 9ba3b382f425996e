/**
 * Helpers for a ThreadPool's tasks module, which runs in the worker threads. Import it
 * only there: `import { transfer } from '@strand/threadpool/worker'`.
 * @module
 */
import { move, transferableSymbol, valueSymbol } from 'piscina'

/**
 * Returns `value` from a task with the objects in `transferList` moved to the main
 * thread instead of copied (they become unusable in the worker). Use it as the task's
 * return value itself, not nested inside another object.
 *
 * @throws TypeError if `transferList` is not an array.
 * @example
 * ```ts
 * // tasks.js, run by the pool's threads
 * import { transfer } from '@strand/threadpool/worker'
 *
 * export function makeBytes(n: number) {
 *   const bytes = new Uint8Array(n).fill(7)
 *   return transfer({ bytes, n }, [bytes.buffer]) // no copy of the bytes
 * }
 * // main thread: await pool.apply('makeBytes', [1024]) // => { bytes: Uint8Array(1024), n: 1024 }
 * ```
 */
export function transfer<T>(value: T, transferList: readonly unknown[]): T {
  if (!Array.isArray(transferList)) {
    throw new TypeError(
      `Expected \`transferList\` to be an array of transferable objects, got ${String(transferList)} (${typeof transferList})`,
    )
  }
  const list = [...transferList]
  const wrapper = {
    get [transferableSymbol]() {
      return list
    },
    get [valueSymbol]() {
      return value
    },
  }
  return move(wrapper as never) as T
}

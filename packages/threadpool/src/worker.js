// @ts-check
// `@strand/threadpool/worker`: helpers for a ThreadPool's tasks module, which runs in the
// worker threads. Plain JavaScript (types in worker.d.ts) because the threads load it as it
// is, under whatever export conditions the process runs with.
import { move, transferableSymbol, valueSymbol } from 'piscina'

/**
 * Returns `value` from a task with the objects in `transferList` moved to the main
 * thread instead of copied (they become unusable in the worker). Use it as the task's
 * return value itself, not nested inside another object.
 *
 * @template T
 * @param {T} value
 * @param {readonly unknown[]} transferList
 * @returns {T}
 */
export function transfer(value, transferList) {
  if (!Array.isArray(transferList)) {
    throw new TypeError(
      `Expected \`transferList\` to be an array of transferable objects, got \`${String(transferList)}\` (${typeof transferList})`,
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
  return /** @type {T} */ (/** @type {unknown} */ (move(/** @type {never} */ (wrapper))))
}

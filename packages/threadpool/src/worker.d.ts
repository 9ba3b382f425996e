/**
 * Helpers for a ThreadPool's tasks module, which runs in the worker threads. Import it
 * only there: `import { transfer } from '@strand/threadpool/worker'`.
 * @module
 */

/**
 * Returns `value` from a task with the objects in `transferList` moved to the main
 * thread instead of copied (they become unusable in the worker). Use it as the task's
 * return value itself, not nested inside another object.
 *
 * @throws TypeError if `transferList` is not an array.
 * @example
 * ```ts
 * // transfer-tasks.js, run by the pool's threads
 * import { transfer } from '@strand/threadpool/worker'
 *
 * export function render(width, height) {
 *   const pixels = new Uint8Array(width * height * 4)
 *   return transfer({ pixels, width, height }, [pixels.buffer]) // moved, not copied
 * }
 * // main thread: await pool.apply('render', [640, 480]) // => { pixels: Uint8Array(1228800), … }
 * ```
 */
export declare function transfer<T>(value: T, transferList: readonly unknown[]): T

import { ThreadPool } from '../src/index.js'

/** The type of the tests' tasks module. */
export type Tasks = typeof import('./fixtures/tasks.js')

/** The tests' tasks module. */
export const TASKS = new URL('./fixtures/tasks.js', import.meta.url)

/** A ThreadPool over the tests' tasks module. */
export function makePool(size = 2, opts: { maxQueue?: number } = {}): ThreadPool<Tasks> {
  return new ThreadPool<Tasks>({ filename: TASKS, size, ...opts })
}

/** `n` flags in shared memory, all 0: a task sets one to show it ran. */
export function flags(n: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * n))
}

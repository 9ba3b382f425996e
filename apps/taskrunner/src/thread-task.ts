/**
 * A CPU-heavy task run on a worker thread: the function `export` of the tasks module
 * `module`, called with `args` (structured-cloned to the thread). Its attempt's timeout
 * really stops it: the thread is ended (and replaced), even in the middle of a loop that
 * never awaits — which no in-process function task can promise.
 *
 * @example
 * import { runTasks, type ThreadTask } from '@strand/taskrunner'
 * const digest: ThreadTask = {
 *   name: 'digest',
 *   module: new URL('./cpu-tasks.js', import.meta.url),
 *   export: 'hash',
 *   args: ['input', 100_000],
 *   timeout: 5,
 * }
 * await runTasks([digest], { threads: 2 })
 */
export interface ThreadTask {
  name: string
  /** The tasks module: a `file:` URL or an absolute path (plain JavaScript Node can load). */
  module: string | URL
  /** The name of the function the module exports. */
  export: string
  /** Its arguments (default none); they are copied to the thread. */
  args?: readonly unknown[]
  timeout?: number | null
  retries?: number
}

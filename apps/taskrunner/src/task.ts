import type { ThreadTask } from './thread-task.js'

/**
 * What an in-process task receives on each attempt.
 *
 * @example
 * import { runTasks, type TaskContext } from '@strand/taskrunner'
 * const fetchUsers = async ({ signal, write }: TaskContext) => {
 *   const res = await fetch('https://example.com/users', { signal }) // aborted on timeout or stop
 *   write(`status ${res.status}\n`)
 * }
 * await runTasks([{ name: 'users', run: fetchUsers }], { timeout: 5 })
 */
export interface TaskContext {
  /**
   * Aborted when this attempt is stopped (its timeout fired or the run was interrupted).
   * Pass it to `fetch`, `fs.promises`, `child_process.spawn`: a promise that takes no
   * signal cannot be stopped (Strand waits such as `sleep` are stopped anyway).
   */
  readonly signal: AbortSignal
  /** 1 for the first attempt, 2 for the first retry, and so on. */
  readonly attempt: number
  /** Appends text to the task's output tail (what the report keeps of its output). */
  write(text: string): void
}

/**
 * A task run in this process: an async function under a name.
 *
 * @example
 * import type { FunctionTask } from '@strand/taskrunner'
 * import { sleep } from 'strand'
 * const task: FunctionTask = { name: 'nap', run: () => sleep(0.1), timeout: 1 }
 */
export interface FunctionTask {
  name: string
  run: (context: TaskContext) => unknown
  /** Seconds per attempt; overrides the run's `timeout` (null: none). */
  timeout?: number | null
  /** Extra attempts after a failure or timeout; overrides the run's `retries`. */
  retries?: number
}

/**
 * A task run as a child process: `command` with `args`, no shell unless `shell: true`.
 * The child gets its own process group (on POSIX), so stopping the task stops everything
 * it started.
 *
 * @example
 * import type { CommandTask } from '@strand/taskrunner'
 * const task: CommandTask = { name: 'build', command: 'npm', args: ['run', 'build'], timeout: 600 }
 */
export interface CommandTask {
  name: string
  command: string
  args?: readonly string[]
  cwd?: string
  env?: Readonly<Record<string, string>>
  /** Run `command` through the system shell (then `args` are appended to it). */
  shell?: boolean
  timeout?: number | null
  retries?: number
}

/**
 * A task: an in-process function task, a command, a function run on a worker thread
 * ({@link ThreadTask}), or a bare async function (named after the function, or `task-<n>`).
 *
 * @example
 * import type { Task } from '@strand/taskrunner'
 * const tasks: Task[] = [async function warmUp() {}, { name: 'ls', command: 'ls', args: ['-l'] }]
 */
export type Task = FunctionTask | CommandTask | ThreadTask | ((context: TaskContext) => unknown)

/**
 * How a task ended: `ok`; `failed` (it threw or exited non-zero, on every attempt);
 * `timed-out` (its last attempt ran out of time); `interrupted` (the run was stopped while
 * it ran); `skipped` (the run was stopped before it started).
 *
 * @example
 * import type { TaskStatus } from '@strand/taskrunner'
 * const status: TaskStatus = 'timed-out'
 */
export type TaskStatus = 'ok' | 'failed' | 'timed-out' | 'interrupted' | 'skipped'

/**
 * The report of one task. Every task given to `runTasks` gets one, whatever happened.
 *
 * @example
 * import { runTasks } from '@strand/taskrunner'
 * const { results } = await runTasks([async () => 42])
 * results[0] // => { name: 'task-1', index: 0, status: 'ok', attempts: 1, duration: ~0, output: '', value: 42 }
 */
export interface TaskResult {
  name: string
  /** Its position in the list given to `runTasks`. */
  index: number
  status: TaskStatus
  /** Attempts started (0 when skipped). */
  attempts: number
  /** Seconds from the start of its first attempt to its end, retries and backoff included. */
  duration: number
  /** The last characters written by its last attempt (a command's stdout and stderr). */
  output: string
  /** Why it did not succeed: the last error message, `timed out after 2 s`, `stopped`. */
  error?: string
  /** A command's exit code on its last attempt, when it exited with one. */
  exitCode?: number
  /** What a function or thread task's successful attempt returned. */
  value?: unknown
}

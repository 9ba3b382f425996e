import { StrandError } from '@strand/core'

/**
 * Thrown by a task submitted to a {@link ThreadPool} after `close()` began, and by a task
 * that `close({ timeout })` cut off when its time ran out (its thread was ended).
 *
 * @example
 * ```ts
 * import { ThreadPool, ThreadPoolClosed } from '@strand/threadpool'
 *
 * const pool = new ThreadPool({ filename: new URL('./tasks.js', import.meta.url) })
 * await pool.close()
 * try {
 *   await pool.apply('add', [1, 2])
 * } catch (err) {
 *   err instanceof ThreadPoolClosed // => true
 * }
 * ```
 */
export class ThreadPoolClosed extends StrandError {
  /** The task's name. */
  readonly task: string

  constructor(task: string, cutOff = false, options?: { cause?: unknown }) {
    super(
      'ERR_THREADPOOL_CLOSED',
      cutOff
        ? `Task \`${task}\` was stopped: ThreadPool.close() ran out of time and ended its thread; give close() a longer \`timeout\``
        : `Task \`${task}\` was not run: the ThreadPool is closed; submit tasks before close(), or use a new pool`,
      options,
    )
    this.task = task
  }
}

/**
 * The worker thread running a task died under it: the task called `process.exit()`, or
 * an error escaped it (thrown in a timer or an unawaited promise), or what it returned
 * could not be cloned. Only that task fails; the pool replaces the thread. `cause` is
 * what the thread reported (an uncaught error keeps its class, message and stack).
 *
 * @example
 * ```ts
 * import { ThreadPool, WorkerCrashed } from '@strand/threadpool'
 *
 * const pool = new ThreadPool({ filename: new URL('./tasks.js', import.meta.url), size: 1 })
 * try {
 *   await pool.apply('exitNow', [3]) // calls process.exit(3) in the worker
 * } catch (err) {
 *   err instanceof WorkerCrashed // => true
 *   err.exitCode // => 3
 * }
 * await pool.apply('add', [1, 2]) // => 3, on a new thread
 * ```
 */
export class WorkerCrashed extends StrandError {
  /** The task's name. */
  readonly task: string
  /** The thread's exit code when it exited, else null (an uncaught error). */
  readonly exitCode: number | null

  constructor(task: string, exitCode: number | null, options?: { cause?: unknown }) {
    const why =
      exitCode !== null
        ? `exited with code ${exitCode}`
        : `crashed (${describeCause(options?.cause)})`
    super(
      'ERR_THREADPOOL_WORKER_CRASHED',
      `The worker thread running task \`${task}\` ${why}; the pool replaced it. Let the task return or throw instead, and await everything it starts`,
      options,
    )
    this.task = task
    this.exitCode = exitCode
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`
  try {
    const text = JSON.stringify(cause)
    return text === '{}' || text === undefined ? 'an uncaught error that could not be cloned' : text
  } catch {
    return String(cause)
  }
}

import { availableParallelism } from 'node:os'
import { getHub, Pool, sleep, spawn } from 'strand'
import { CommandFailed } from './command-failed.js'
import type { AttemptContext } from './internal/attempt-context.js'
import { OutputTail } from './internal/output-tail.js'
import { type PreparedTask, prepareTask } from './internal/prepare-task.js'
import { runAttempt } from './internal/run-attempt.js'
import { ThreadPools } from './internal/thread-pools.js'
import { checkInteger, checkSeconds, describe, errorMessage } from './internal/validate.js'
import type { RunEvent } from './run-event.js'
import type { RunReport } from './run-report.js'
import type { Task, TaskResult, TaskStatus } from './task.js'

/**
 * Options of {@link runTasks}. Durations are seconds.
 *
 * @example
 * import type { RunOptions } from '@strand/taskrunner'
 * const options: RunOptions = { concurrency: 2, timeout: 30, retries: 1 }
 */
export interface RunOptions {
  /** How many tasks run at once (an integer ≥ 1; default 4). */
  concurrency?: number
  /** Seconds per attempt (null or undefined: no limit); a task's own `timeout` wins. */
  timeout?: number | null
  /** Extra attempts after a failure or timeout (default 0); a task's own `retries` wins. */
  retries?: number
  /** Seconds before the first retry, doubled for each further one, at most 5 s (default 0.1). */
  backoff?: number
  /** Seconds a stopped command gets between SIGTERM and SIGKILL (default 1). */
  killGrace?: number
  /** Worker threads per tasks module for {@link ThreadTask}s (default: the CPU count). */
  threads?: number
  /** Characters of output kept per task (default 4000). */
  outputLimit?: number
  /** Aborting it stops the run: running tasks are stopped, the rest are skipped. */
  signal?: AbortSignal
  /** Told about everything as it happens; it must not throw (what it throws is ignored). */
  onEvent?: (event: RunEvent) => void
  /**
   * Run each command under a small guard that kills its process group when this process
   * dies, even by SIGKILL (POSIX; one `sh` per attempt). Default false. The distributed
   * worker turns it on: a worker that crashes must not leave its tasks running.
   */
  orphanGuard?: boolean
}

const MAX_BACKOFF = 5

/**
 * Runs `tasks` through a `Pool(concurrency)`: at most `concurrency` at once, started in
 * list order. {@link ThreadTask}s run on worker threads (a `ThreadPool(threads)` per
 * tasks module, closed when the run ends); the others in this process. Each attempt runs under its own `Timeout`; a timed-out attempt is stopped for
 * real (its signal aborts, its greenlet is killed, a command's process group is killed)
 * before the next one starts. A failed or timed-out task is retried `retries` times, after
 * `backoff`, 2×`backoff`, … seconds. One task's failure never stops the others. Aborting
 * `signal` (or killing the caller) stops every running task the same way and skips those
 * not started. Resolves once every task has ended, with a result per task, in list order.
 *
 * @throws TypeError/RangeError synchronously for a bad option or task, naming it. A kill or
 *   Timeout of the caller stops the tasks first, then propagates.
 * @example
 * import { runTasks } from '@strand/taskrunner'
 * import { sleep } from 'strand'
 * const report = await runTasks(
 *   [
 *     { name: 'quick', run: () => sleep(0.1) },
 *     { name: 'slow', run: () => sleep(10) },
 *     { name: 'ls', command: 'ls' },
 *   ],
 *   { concurrency: 2, timeout: 1, onEvent: (e) => console.log(e.type) },
 * )
 * report.results.map((r) => r.status) // => ['ok', 'timed-out', 'ok']
 */
export function runTasks(tasks: Iterable<Task>, options: RunOptions = {}): Promise<RunReport> {
  const concurrency = checkInteger('concurrency', options.concurrency, 1, 4)
  const timeout = checkSeconds('timeout', options.timeout)
  const retries = checkInteger('retries', options.retries, 0, 0)
  const backoff = checkSeconds('backoff', options.backoff, 0.1) ?? MAX_BACKOFF
  const killGrace = checkSeconds('killGrace', options.killGrace, 1) ?? 1
  const outputLimit = checkInteger('outputLimit', options.outputLimit, 0, 4000)
  if (options.onEvent !== undefined && typeof options.onEvent !== 'function') {
    throw new TypeError(`Expected \`onEvent\` to be a function, got ${describe(options.onEvent)}`)
  }
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new TypeError(`Expected \`signal\` to be an AbortSignal, got ${describe(options.signal)}`)
  }
  const threads = new ThreadPools(
    checkInteger('threads', options.threads, 1, availableParallelism()),
  )
  const guard = options.orphanGuard === true
  const prepared = Array.from(tasks, (task, i) => prepareTask(task, i, killGrace, threads, guard))
  const limits = { concurrency, timeout, retries, backoff, killGrace, outputLimit }
  return run(prepared, limits, options).finally(() => threads.close())
}

interface Limits {
  concurrency: number
  timeout: number | null
  retries: number
  backoff: number
  killGrace: number
  outputLimit: number
}

async function run(
  prepared: PreparedTask[],
  limits: Limits,
  options: RunOptions,
): Promise<RunReport> {
  const { concurrency, timeout, retries, backoff, killGrace, outputLimit } = limits
  const { signal, onEvent } = options
  const results: (TaskResult | undefined)[] = new Array(prepared.length).fill(undefined)
  const clock = getHub().clock
  const pool = new Pool(concurrency)
  let stopped = false

  const emit = (event: RunEvent): void => {
    try {
      onEvent?.(event)
    } catch {
      // An observer's bug must not lose a task's result.
    }
  }

  const stop = (): void => {
    if (stopped) return
    stopped = true
    emit({ type: 'interrupt', running: pool.size })
    spawn(() => pool.kill())
  }

  async function runOne(index: number, task: PreparedTask): Promise<void> {
    if (stopped) return // reported as skipped
    const limit = task.timeout === undefined ? timeout : task.timeout
    const extra = task.retries ?? retries
    const attempts = extra + 1
    const startedAt = clock.now()
    let attempt = 0
    let status: TaskStatus = 'failed'
    let error: string | undefined
    let exitCode: number | undefined
    let value: unknown
    let output = ''
    try {
      while (true) {
        attempt++
        const tail = new OutputTail(outputLimit)
        const controller = new AbortController()
        const context: AttemptContext & { controller: AbortController } = {
          controller,
          signal: controller.signal,
          attempt,
          write: (text) => tail.write(text),
          spawned: (pid) => emit({ type: 'spawn', name: task.name, index, attempt, pid }),
        }
        emit({ type: 'start', name: task.name, index, attempt, attempts })
        try {
          const outcome = await runAttempt(task.body, context, limit, killGrace + 1)
          if (outcome.kind === 'ok') {
            status = 'ok'
            error = undefined
            if (task.isCommand) exitCode = 0
            else value = outcome.value
            break
          }
          if (outcome.kind === 'timeout') {
            status = 'timed-out'
            error = `timed out after ${limit} s`
            exitCode = undefined
            emit({ type: 'timeout', name: task.name, index, attempt, seconds: limit ?? 0 })
          } else {
            status = 'failed'
            error = errorMessage(outcome.error)
            exitCode = outcome.error instanceof CommandFailed ? outcome.error.exitCode : undefined
          }
        } finally {
          output = tail.toString()
        }
        if (attempt >= attempts) break
        const delay = Math.min(backoff * 2 ** (attempt - 1), MAX_BACKOFF)
        emit({ type: 'retry', name: task.name, index, attempt, attempts, delay, error })
        await sleep(delay)
      }
    } catch {
      // Killed: the run is being stopped (its attempt was stopped before this).
      status = 'interrupted'
      error = 'stopped'
    }
    const result: TaskResult = {
      name: task.name,
      index,
      status,
      attempts: attempt,
      duration: clock.now() - startedAt,
      output,
    }
    if (error !== undefined) result.error = error
    if (exitCode !== undefined) result.exitCode = exitCode
    if (status === 'ok' && !task.isCommand) result.value = value
    results[index] = result
    emit({ type: 'finish', result })
  }

  const runStartedAt = clock.now()
  if (signal?.aborted) stop()
  signal?.addEventListener('abort', stop, { once: true })
  try {
    for (let i = 0; i < prepared.length && !stopped; i++) {
      await pool.spawn(runOne, i, prepared[i]!)
    }
    await pool.join()
  } catch (err) {
    // The caller was killed or timed out: stop the tasks before passing it on.
    stopped = true
    await pool.kill()
    throw err
  } finally {
    signal?.removeEventListener('abort', stop)
  }

  const finished: TaskResult[] = prepared.map((task, index) => {
    const result = results[index]
    if (result) return result
    const skipped: TaskResult = {
      name: task.name,
      index,
      status: 'skipped',
      attempts: 0,
      duration: 0,
      output: '',
      error: 'not started: the run was stopped',
    }
    emit({ type: 'finish', result: skipped })
    return skipped
  })
  return {
    results: finished,
    ok: finished.every((r) => r.status === 'ok'),
    interrupted: stopped,
    duration: clock.now() - runStartedAt,
  }
}

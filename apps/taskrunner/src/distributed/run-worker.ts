import { Pool, sleep, spawn } from 'strand'
import { type Delivery, RedisQueue } from 'strand/redis'
import { checkInteger, checkSeconds, describe, errorMessage } from '../internal/validate.js'
import { commandTasksOnly, parseTaskFile } from '../parse-task-file.js'
import type { RunEvent } from '../run-event.js'
import { runTasks } from '../run-tasks.js'
import type { CommandTask, TaskResult } from '../task.js'
import { ReplyQueues } from './reply-queues.js'
import { DEFAULT_QUEUE, type TaskMessage } from './task-message.js'

/**
 * Options of {@link runWorker}. Durations are seconds; `timeout` and `retries` are the
 * defaults for tasks that do not set their own.
 *
 * @example
 * import type { WorkerOptions } from '@strand/taskrunner'
 * const options: WorkerOptions = { url: 'redis://127.0.0.1:6379', concurrency: 4, timeout: 600 }
 */
export interface WorkerOptions {
  /** Where Redis is, e.g. `redis://127.0.0.1:6379`. */
  url: string
  /** The task queue (default `strand-tasks`). */
  queue?: string
  /** How many tasks run at once in this worker (default 4). */
  concurrency?: number
  timeout?: number | null
  retries?: number
  backoff?: number
  killGrace?: number
  /**
   * Seconds a task stays with this worker without news: the worker renews it every third
   * of that while it runs, so only a dead worker's tasks go to another (default 30).
   */
  visibilityTimeout?: number
  /** Seconds Redis may be away before the worker gives up (default 10). */
  connectTimeout?: number
  /** Aborting it stops the worker: running tasks are stopped and given back to the queue. */
  signal?: AbortSignal
  /** Told about each task's events (`index` is the task's place in its submission). */
  onEvent?: (event: RunEvent) => void
}

/** What a worker did, once it stopped. */
export interface WorkerReport {
  /** Tasks it ran to the end (ok, failed or timed out) and acknowledged. */
  completed: number
}

/** The task of a message, checked like a task file entry (a message is untrusted input). */
function taskOf(message: TaskMessage): CommandTask {
  const [task] = commandTasksOnly(
    parseTaskFile(JSON.stringify([message.task]), 'message'),
    'message',
  )
  if (task === undefined) throw new Error('message: no task')
  return task
}

function failedResult(message: TaskMessage, err: unknown): TaskResult {
  const name = typeof message.task?.name === 'string' ? message.task.name : 'task'
  return {
    name,
    index: message.index,
    status: 'failed',
    attempts: 0,
    duration: 0,
    output: '',
    error: errorMessage(err),
  }
}

/**
 * Runs tasks from the shared queue on Redis until `signal` aborts: at most `concurrency`
 * at once (a `Pool`), each with `runTasks`' per-attempt Timeout (the child process really
 * dies), retries and backoff, each command under the orphan guard (if this worker dies,
 * even by SIGKILL, its commands die with it). A task's delivery is renewed while it runs,
 * acknowledged once its result is sent; a task this worker could not finish (it was
 * stopped, or it died) goes to another worker. Several workers in several processes or on
 * several machines share one queue.
 *
 * @throws TypeError/RangeError synchronously for bad options; RedisUnreachable.
 * @example
 * import { runWorker } from '@strand/taskrunner'
 * const controller = new AbortController()
 * process.once('SIGTERM', () => controller.abort())
 * await runWorker({ url: 'redis://127.0.0.1:6379', concurrency: 2, signal: controller.signal })
 */
export function runWorker(options: WorkerOptions): Promise<WorkerReport> {
  if (typeof options?.url !== 'string' || options.url === '') {
    throw new TypeError(`Expected \`url\` to be a Redis URL, got ${describe(options?.url)}`)
  }
  const concurrency = checkInteger('concurrency', options.concurrency, 1, 4)
  const visibilityTimeout = checkSeconds('visibilityTimeout', options.visibilityTimeout, 30) ?? 30
  const connectTimeout = checkSeconds('connectTimeout', options.connectTimeout, 10) ?? 10
  const queue = options.queue ?? DEFAULT_QUEUE
  return work(options, { concurrency, visibilityTimeout, connectTimeout, queue })
}

interface Settings {
  concurrency: number
  visibilityTimeout: number
  connectTimeout: number
  queue: string
}

async function work(options: WorkerOptions, settings: Settings): Promise<WorkerReport> {
  const { concurrency, visibilityTimeout, connectTimeout } = settings
  const tasks = new RedisQueue<TaskMessage>({
    url: options.url,
    name: settings.queue,
    visibilityTimeout,
    connectTimeout,
  })
  const replies = new ReplyQueues(options.url, connectTimeout)
  const pool = new Pool(concurrency)
  const report: WorkerReport = { completed: 0 }

  async function renew(d: Delivery<TaskMessage>): Promise<void> {
    while (await d.touch()) await sleep(visibilityTimeout / 3)
  }

  async function handle(d: Delivery<TaskMessage>): Promise<void> {
    const message = d.item
    const keepAlive = spawn(renew, d)
    try {
      let result: TaskResult
      try {
        const task = taskOf(message)
        const run = await runTasks([task], {
          concurrency: 1,
          orphanGuard: true,
          ...(options.timeout !== undefined && { timeout: options.timeout }),
          ...(options.retries !== undefined && { retries: options.retries }),
          ...(options.backoff !== undefined && { backoff: options.backoff }),
          ...(options.killGrace !== undefined && { killGrace: options.killGrace }),
          onEvent: (event) => options.onEvent?.(withIndex(event, message.index)),
        })
        result = { ...run.results[0]!, index: message.index }
      } catch (err) {
        if (
          err instanceof TypeError ||
          err instanceof RangeError ||
          (err as Error).name === 'TaskFileError'
        ) {
          result = failedResult(message, err) // a bad message: report it, do not retry it
        } else throw err // stopped: the delivery goes back to the queue on close
      }
      if (message.replyTo !== null) {
        await replies.put(message.replyTo, {
          submission: message.submission,
          index: message.index,
          result,
          worker: tasks.consumer,
        })
      }
      await d.ack()
      report.completed++
    } finally {
      await keepAlive.kill()
    }
  }

  // The taking loop runs in a greenlet of its own, so a stop interrupts its get() at once.
  const taker = spawn(async () => {
    await tasks.connect()
    for (;;) {
      await pool.waitAvailable()
      await pool.spawn(handle, await tasks.get())
    }
  })
  const stop = (): void => void taker.kill()
  if (options.signal?.aborted) stop()
  options.signal?.addEventListener('abort', stop, { once: true })
  try {
    await taker.join()
    if (taker.exception !== undefined) throw taker.exception // a kill (the stop) is no failure
  } finally {
    options.signal?.removeEventListener('abort', stop)
    await pool.kill() // running tasks are stopped (their processes killed)
    await tasks.close() // what they held goes back to the queue for other workers
    await replies.close()
  }
  return report
}

function withIndex(event: RunEvent, index: number): RunEvent {
  if (event.type === 'interrupt') return event
  if (event.type === 'finish') return { ...event, result: { ...event.result, index } }
  return { ...event, index }
}

import { randomBytes } from 'node:crypto'
import { getHub, spawn } from 'strand'
import { RedisQueue } from 'strand/redis'
import { describe } from '../internal/validate.js'
import type { RunReport } from '../run-report.js'
import type { CommandTask, TaskResult } from '../task.js'
import {
  DEFAULT_QUEUE,
  type ResultMessage,
  resultsQueueName,
  type TaskMessage,
} from './task-message.js'

/**
 * Options of {@link submitTasks}.
 *
 * @example
 * import type { SubmitOptions } from '@strand/taskrunner'
 * const options: SubmitOptions = { url: 'redis://127.0.0.1:6379', wait: true }
 */
export interface SubmitOptions {
  url: string
  /** The task queue (default `strand-tasks`). */
  queue?: string
  /** Wait for every result (default false: put the tasks and return). */
  wait?: boolean
  /** Told about each result as it comes in (with `wait`). */
  onResult?: (result: TaskResult) => void
  /** Aborting it stops waiting (the tasks go on on the workers). */
  signal?: AbortSignal
  /** Seconds Redis may be away before giving up (default 10). */
  connectTimeout?: number
}

/** What {@link submitTasks} did: the submission's id, and with `wait` the results. */
export interface Submission {
  id: string
  /** The results in task-file order, with `wait`; null without. */
  report: RunReport | null
}

/**
 * Puts `tasks` on the shared queue for the workers (`runWorker`) and, with `wait`,
 * collects their results as they complete, each task once (a task that ran twice because
 * a worker died reports once), in a RunReport like `runTasks`' (`interrupted` when the
 * wait was stopped: the missing results are reported `interrupted`, though their tasks
 * may still run on a worker).
 *
 * @throws TypeError synchronously for bad options; RedisUnreachable.
 * @example
 * import { submitTasks } from '@strand/taskrunner'
 * const { report } = await submitTasks([{ name: 'hi', command: 'echo', args: ['hi'] }], {
 *   url: 'redis://127.0.0.1:6379',
 *   wait: true,
 * })
 * report?.results[0]?.status // => 'ok'
 */
export function submitTasks(
  tasks: readonly CommandTask[],
  options: SubmitOptions,
): Promise<Submission> {
  if (typeof options?.url !== 'string' || options.url === '') {
    throw new TypeError(`Expected \`url\` to be a Redis URL, got ${describe(options?.url)}`)
  }
  return submit(tasks, options)
}

async function submit(tasks: readonly CommandTask[], options: SubmitOptions): Promise<Submission> {
  const id = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`
  const name = options.queue ?? DEFAULT_QUEUE
  const connectTimeout = options.connectTimeout ?? 10
  const replyTo = options.wait === true ? resultsQueueName(name, id) : null
  const clock = getHub().clock
  const started = clock.now()
  const queue = new RedisQueue<TaskMessage>({ url: options.url, name, connectTimeout })
  try {
    for (const [index, task] of tasks.entries())
      await queue.put({ submission: id, index, task, replyTo })
  } finally {
    await queue.close()
  }
  if (replyTo === null) return { id, report: null }

  const results: (TaskResult | undefined)[] = new Array(tasks.length).fill(undefined)
  const inbox = new RedisQueue<ResultMessage>({ url: options.url, name: replyTo, connectTimeout })
  const collector = spawn(async () => {
    let missing = tasks.length
    while (missing > 0) {
      const d = await inbox.get()
      const { index, result } = d.item
      if (d.item.submission === id && results[index] === undefined) {
        results[index] = result
        missing--
        options.onResult?.(result)
      }
      await d.ack()
    }
  })
  const stop = (): void => void collector.kill()
  if (options.signal?.aborted) stop()
  options.signal?.addEventListener('abort', stop, { once: true })
  try {
    await collector.join()
    if (collector.exception !== undefined) throw collector.exception
  } finally {
    options.signal?.removeEventListener('abort', stop)
    const complete = results.every((r) => r !== undefined)
    if (complete) await inbox.destroy()
    await inbox.close()
  }
  const interrupted = results.some((r) => r === undefined)
  const finished = results.map(
    (r, index): TaskResult =>
      r ?? {
        name: tasks[index]!.name,
        index,
        status: 'interrupted',
        attempts: 0,
        duration: 0,
        output: '',
        error: 'stopped waiting (the task may still run on a worker)',
      },
  )
  return {
    id,
    report: {
      results: finished,
      ok: !interrupted && finished.every((r) => r.status === 'ok'),
      interrupted,
      duration: clock.now() - started,
    },
  }
}

import type { CommandTask, TaskResult } from '../task.js'

/** The task queue's name when none is given. */
export const DEFAULT_QUEUE = 'strand-tasks'

/**
 * One task on the shared queue: which submission it belongs to, its place in the task
 * file, the command, and where its result goes (null: nobody waits for it).
 *
 * @example
 * import type { TaskMessage } from '@strand/taskrunner'
 * const m: TaskMessage = { submission: 'k3x9', index: 0, task: { name: 'hi', command: 'echo' }, replyTo: null }
 */
export interface TaskMessage {
  submission: string
  index: number
  task: CommandTask
  replyTo: string | null
}

/**
 * A task's result, sent by the worker that ran it to the submission's results queue.
 *
 * @example
 * import type { ResultMessage } from '@strand/taskrunner'
 * const seen = (m: ResultMessage) => `${m.result.name} ${m.result.status} on ${m.worker}`
 */
export interface ResultMessage {
  submission: string
  index: number
  result: TaskResult
  /** The consumer name of the worker that ran it. */
  worker: string
}

/** The results queue of a submission: `<queue>:results:<submission>`. */
export function resultsQueueName(queue: string, submission: string): string {
  return `${queue}:results:${submission}`
}

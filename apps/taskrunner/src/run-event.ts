import type { TaskResult } from './task.js'

/**
 * Something that happened during `runTasks`, passed to its `onEvent` as it happens, in
 * order: `start` (an attempt begins), `spawn` (a command's child process started, with its
 * pid), `timeout` (an attempt ran out of time and was stopped), `retry` (a failed or timed
 * out attempt will be followed by another after `delay` seconds), `finish` (a task's final
 * result), `interrupt` (the run was told to stop; `running` tasks are being stopped).
 *
 * @example
 * import { runTasks, type RunEvent } from '@strand/taskrunner'
 * const log = (event: RunEvent) => {
 *   if (event.type === 'finish') console.log(event.result.name, event.result.status)
 * }
 * await runTasks([async function hello() {}], { onEvent: log }) // => hello ok
 */
export type RunEvent =
  | { type: 'start'; name: string; index: number; attempt: number; attempts: number }
  | { type: 'spawn'; name: string; index: number; attempt: number; pid: number }
  | { type: 'timeout'; name: string; index: number; attempt: number; seconds: number }
  | {
      type: 'retry'
      name: string
      index: number
      /** The attempt that failed. */
      attempt: number
      attempts: number
      /** Seconds until the next attempt. */
      delay: number
      error: string
    }
  | { type: 'finish'; result: TaskResult }
  | { type: 'interrupt'; running: number }

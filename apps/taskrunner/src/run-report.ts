import type { TaskResult } from './task.js'

/**
 * What `runTasks` resolves to: a result per task in list order (every task, whatever
 * happened), whether all succeeded, whether the run was stopped, and its length in seconds.
 *
 * @example
 * import { runTasks } from '@strand/taskrunner'
 * const report = await runTasks([async () => 1, async () => { throw new Error('no') }])
 * report.ok // => false
 * report.results.map((r) => r.status) // => ['ok', 'failed']
 */
export interface RunReport {
  results: TaskResult[]
  /** Every task ended `ok`. */
  ok: boolean
  /** The run was stopped through its signal. */
  interrupted: boolean
  /** Seconds from the first start to the end. */
  duration: number
}

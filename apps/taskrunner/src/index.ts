export { CommandFailed } from './command-failed.js'
export { runWorker, type WorkerOptions, type WorkerReport } from './distributed/run-worker.js'
export { type Submission, type SubmitOptions, submitTasks } from './distributed/submit-tasks.js'
export type { ResultMessage, TaskMessage } from './distributed/task-message.js'
export { formatEvent, formatSummary } from './format.js'
export { parseTaskFile, TaskFileError } from './parse-task-file.js'
export type { RunEvent } from './run-event.js'
export type { RunReport } from './run-report.js'
export { type RunOptions, runTasks } from './run-tasks.js'
export type {
  CommandTask,
  FunctionTask,
  Task,
  TaskContext,
  TaskResult,
  TaskStatus,
} from './task.js'
export type { ThreadTask } from './thread-task.js'

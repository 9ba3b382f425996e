/**
 * ThreadPool for Strand greenlets: CPU-bound and blocking work on worker threads
 * (through piscina), waited on cooperatively and stopped by kill and Timeout like any
 * other wait (gevent's `gevent.threadpool`).
 * @module
 */

export { ThreadPoolClosed, WorkerCrashed } from './errors.js'
export type { ErrorClass } from './internal/remote-error.js'
export type { TaskArgs, TaskItem, TaskName, TaskResult } from './task-types.js'
export { ThreadPool, type ThreadPoolOptions, type Transferable } from './thread-pool.js'

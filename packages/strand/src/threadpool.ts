/**
 * `strand/threadpool`: the ThreadPool (worker threads, through piscina) — a subpath of
 * its own, so `import … from 'strand'` never loads piscina.
 * @module
 */

export {
  type ErrorClass,
  type TaskArgs,
  type TaskItem,
  type TaskName,
  type TaskResult,
  ThreadPool,
  ThreadPoolClosed,
  type ThreadPoolOptions,
  type Transferable,
  WorkerCrashed,
} from '@strand/threadpool'

/**
 * `strand/threadpool/worker`: helpers for a ThreadPool's tasks module (runs in the
 * worker threads).
 * @module
 */

export { transfer } from '@strand/threadpool/worker'

import type { TransferListItem } from 'node:worker_threads'
import { Greenlet } from '@strand/core'
import { checkOptions, checkSeconds } from '@strand/core/internal'
import { Pool } from '@strand/pool'
import { checkArgs, checkName, checkPoolOptions, checkTransferList } from './internal/checks.js'
import { Dispatcher } from './internal/dispatcher.js'
import type { ErrorClass } from './internal/remote-error.js'
import type { TaskArgs, TaskItem, TaskName, TaskResult } from './task-types.js'

// Resolved here, in a file at the top of src/ as dist/index.js is at the top of dist/:
// dispatch.js sits next to both (an internal/ file would point one folder too high once
// bundled)
const DISPATCH = new URL('./dispatch.js', import.meta.url).href

/** An object `transferList` may hold: `ArrayBuffer`, `MessagePort`, … (moved, not copied). */
export type Transferable = TransferListItem

/** Options of the {@link ThreadPool} constructor. */
export interface ThreadPoolOptions {
  /** The tasks module: a `file:` URL (`new URL('./tasks.js', import.meta.url)`) or an absolute path. */
  filename: string | URL
  /** Worker threads (an integer from 1 up); default `os.availableParallelism()`. */
  size?: number
  /**
   * Tasks that may wait for a free thread; past that, submitting waits (cooperatively,
   * first come, first served) until one starts. Default: no limit.
   */
  maxQueue?: number | null
  /** Error classes to rebuild a worker's errors as, matched by class name (see README). */
  errorClasses?: Iterable<ErrorClass>
}

/**
 * A pool of worker threads (on piscina) for CPU-bound and blocking work — gevent's
 * `ThreadPool`. Functions cannot cross threads, so tasks are the named exports of a
 * tasks module, called by name; give its type as `M` and every call is type-checked.
 *
 * A greenlet waiting on a task waits cooperatively: other greenlets keep running, and a
 * kill or {@link Timeout} aimed at it aborts the task (a queued one is dropped, a running
 * one is stopped by ending its thread, which the pool replaces) while the caller sees
 * its kill exception or Timeout. Threads start on the first task.
 *
 * @throws TypeError/RangeError for a bad option, naming it.
 * @example
 * ```ts
 * import { ThreadPool } from '@strand/threadpool'
 * import { withTimeout } from '@strand/core'
 *
 * await using pool = new ThreadPool<typeof import('./tasks.js')>({
 *   filename: new URL('./tasks.js', import.meta.url),
 *   size: 2,
 * })
 * await pool.apply('add', [1, 2]) // => 3
 * await pool.map('square', [1, 2, 3]) // => [1, 4, 9]
 * await withTimeout(0.1, () => pool.apply('spin', [10_000]), { timeoutValue: 'stopped' })
 * // => 'stopped' (the thread running spin was ended and replaced)
 * ```
 */
export class ThreadPool<M = unknown> implements AsyncDisposable {
  /** How many worker threads the pool runs. */
  readonly size: number
  /** The tasks module's URL. */
  readonly filename: string
  /** Tasks that may wait for a thread before submitting waits (null: no limit). */
  readonly maxQueue: number | null
  readonly #dispatcher: Dispatcher
  #mapper: Pool | null = null

  constructor(opts: ThreadPoolOptions) {
    const settings = checkPoolOptions(opts)
    this.filename = settings.href
    this.size = settings.size
    this.maxQueue = settings.maxQueue
    this.#dispatcher = new Dispatcher(settings, DISPATCH)
  }

  /** Tasks waiting for a thread (queued in the pool, or waiting for room under `maxQueue`). */
  get pending(): number {
    return this.#dispatcher.pending
  }

  /**
   * Runs `name(...args)` on a worker thread and resolves to its result (or rejects with
   * what it threw, same class name, message and stack). A kill or Timeout of the caller
   * aborts the task. `transferList` moves those objects to the thread instead of copying.
   * @throws TypeError for a bad `name`, `args` or `transferList`.
   * @example
   * ```ts
   * const bytes = new Uint8Array(1 << 20)
   * await pool.apply('sum', [bytes], { transferList: [bytes.buffer] }) // bytes is now empty here
   * ```
   */
  apply<K extends TaskName<M>>(
    name: K,
    args: TaskArgs<M, K>,
    opts?: { transferList?: readonly Transferable[] },
  ): Promise<TaskResult<M, K>> {
    const task = checkName(name)
    const list = checkArgs(args)
    const transferList = checkTransferList(opts)
    return this.#dispatcher.submit(task, list, transferList) as Promise<TaskResult<M, K>>
  }

  /**
   * Starts a greenlet that runs task `name(...args)` and waits for it: `get()` its result.
   * Killing the greenlet aborts the task. Never waits itself.
   * @throws TypeError for a bad `name`.
   * @example
   * ```ts
   * const g = pool.spawn('add', 1, 2)
   * await g.get() // => 3
   * ```
   */
  spawn<K extends TaskName<M>>(name: K, ...args: TaskArgs<M, K>): Greenlet<TaskResult<M, K>> {
    const task = checkName(name)
    const g = new Greenlet(this.#run, task, args as unknown[])
    g.name = `ThreadPool.spawn(${task})`
    return g.start() as Greenlet<TaskResult<M, K>>
  }

  /**
   * Runs task `name` on every item (each item is its one argument) and resolves to the
   * results in input order. The first failure rejects and stops the rest.
   * @throws TypeError for a bad `name` or a non-iterable `items`.
   * @example
   * ```ts
   * await pool.map('square', [1, 2, 3]) // => [1, 4, 9]
   * ```
   */
  map<K extends TaskName<M>>(
    name: K,
    items: Iterable<TaskItem<M, K>> | AsyncIterable<TaskItem<M, K>>,
  ): Promise<TaskResult<M, K>[]> {
    return this.#mapPool().map(this.#caller(checkName(name)), items) as Promise<TaskResult<M, K>[]>
  }

  /**
   * Streams the results of task `name` over `items` in input order. Input is pulled only
   * when a thread is free (so an endless generator runs in bounded memory); `maxsize`
   * bounds results not yet consumed. The first failure is thrown; leaving the loop early
   * stops the tasks in flight (their threads are replaced).
   * @throws TypeError for a bad `name` or `items`; RangeError for a bad `maxsize`.
   * @example
   * ```ts
   * async function* forever() { for (let i = 0; ; i++) yield i }
   * for await (const sq of pool.imap('square', forever())) if (sq > 10) break
   * ```
   */
  imap<K extends TaskName<M>>(
    name: K,
    items: Iterable<TaskItem<M, K>> | AsyncIterable<TaskItem<M, K>>,
    opts?: { maxsize?: number | null },
  ): AsyncIterableIterator<TaskResult<M, K>> {
    const fn = this.#caller(checkName(name))
    return this.#mapPool().imap(fn, items, opts) as AsyncIterableIterator<TaskResult<M, K>>
  }

  /**
   * Like {@link ThreadPool.imap}, in completion order.
   * @throws TypeError for a bad `name` or `items`; RangeError for a bad `maxsize`.
   * @example
   * ```ts
   * for await (const r of pool.imapUnordered('sleepThen', [30, 10, 20])) console.log(r)
   * // => 10, 20, 30
   * ```
   */
  imapUnordered<K extends TaskName<M>>(
    name: K,
    items: Iterable<TaskItem<M, K>> | AsyncIterable<TaskItem<M, K>>,
    opts?: { maxsize?: number | null },
  ): AsyncIterableIterator<TaskResult<M, K>> {
    const fn = this.#caller(checkName(name))
    return this.#mapPool().imapUnordered(fn, items, opts) as AsyncIterableIterator<TaskResult<M, K>>
  }

  /**
   * Stops taking tasks (new ones reject with {@link ThreadPoolClosed}), waits until every
   * task already submitted has finished, then ends the threads: nothing of the pool is
   * left to keep the process alive. After `timeout` seconds it ends them anyway, and the
   * tasks still running reject with ThreadPoolClosed. Killed or timed out while it waits,
   * it ends the threads before the exception propagates. Calling it again waits too.
   * @throws TypeError/RangeError for a bad `timeout`.
   * @example
   * ```ts
   * const g = pool.spawn('add', 1, 2)
   * await pool.close({ timeout: 5 })
   * g.value // => 3
   * ```
   */
  close(opts?: { timeout?: number | null }): Promise<void> {
    checkOptions('opts', opts)
    return this.#dispatcher.close(checkSeconds('timeout', opts?.timeout))
  }

  /** `close()`: `await using pool = new ThreadPool({ … })`. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close()
  }

  readonly #run = (name: string, args: unknown[]): Promise<unknown> =>
    this.#dispatcher.submit(name, args)

  #caller(name: string): (item: unknown) => Promise<unknown> {
    const dispatcher = this.#dispatcher
    return (item) => dispatcher.submit(name, [item])
  }

  #mapPool(): Pool {
    this.#mapper ??= new Pool(this.size + 1)
    return this.#mapper
  }
}

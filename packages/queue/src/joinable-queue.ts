import { getHub } from '@strand/core'
import { checkOptions, checkSeconds, WaitList, type WaitOwner } from '@strand/core/internal'
import { Queue } from './queue.js'

const JOIN_OWNER: WaitOwner = { onTimeout: (w) => getHub().wake(w, false) }
const RESOLVED_TRUE: Promise<boolean> = Promise.resolve(true)

/**
 * A {@link Queue} that also counts unfinished work (gevent's `JoinableQueue`, which is
 * `Queue` itself in gevent 25+): every accepted item — including the constructor's
 * `items` — adds one to {@link JoinableQueue.unfinishedTasks}; a consumer calls
 * {@link JoinableQueue.taskDone} when it has finished an item, and
 * {@link JoinableQueue.join} waits until the count is back to zero.
 *
 * @example
 * ```ts
 * import { JoinableQueue } from '@strand/queue'
 * import { spawn } from '@strand/core'
 *
 * const q = new JoinableQueue<string>({ items: ['a', 'b'] })
 * spawn(async () => {
 *   for await (const job of q) {
 *     console.log('done', job)
 *     q.taskDone()
 *   }
 * })
 * await q.join()
 * // => done a, done b
 * q.unfinishedTasks // => 0
 * q.shutdown() // ends the worker's loop (left waiting, it would get LoopExit at exit)
 * ```
 */
export class JoinableQueue<T> extends Queue<T> {
  private readonly _joiners = new WaitList()

  /** Items accepted and not yet marked done with {@link JoinableQueue.taskDone}. */
  get unfinishedTasks(): number {
    return this._unfinished
  }

  /**
   * Marks one item you got as finished. When the count reaches zero, every greenlet in
   * {@link JoinableQueue.join} wakes (after you next wait; this never switches).
   * @throws RangeError when called more often than items were put.
   */
  taskDone(): void {
    if (this._unfinished <= 0) {
      throw new RangeError(
        'taskDone() called more times than items were put (unfinishedTasks is already 0); call it once per item you got',
      )
    }
    if (--this._unfinished === 0) this._wakeJoiners()
  }

  /**
   * Waits until every accepted item was marked done. Resolves `true` then, or `false`
   * when `timeout` passes first; resolves `true` at once (no switch) when nothing is
   * outstanding. A kill or Timeout interrupts the wait.
   * @throws TypeError/RangeError synchronously for a bad `timeout`.
   * @example
   * ```ts
   * import { JoinableQueue } from '@strand/queue'
   *
   * const q = new JoinableQueue<string>({ items: ['a'] })
   * await q.join({ timeout: 0.01 }) // => false: 'a' is not done
   * q.getNowait()
   * q.taskDone()
   * await q.join({ timeout: 0.01 }) // => true
   * ```
   */
  join(opts?: { timeout?: number | null | undefined }): Promise<boolean> {
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    if (this._unfinished === 0) return RESOLVED_TRUE
    return this._hub.wait<boolean>(JOIN_OWNER, this._joiners, seconds, 'JoinableQueue.join')
  }

  override shutdown(opts?: { immediate?: boolean | undefined }): void {
    super.shutdown(opts)
    if (this._unfinished === 0) this._wakeJoiners()
  }

  private _wakeJoiners(): void {
    const joiners = this._joiners
    this._hub.wakeAll(joiners, true)
  }
}

import type { Greenlet } from '@strand/core'
import { type InterruptWatcher, unwatchInterrupts, watchInterrupts } from '@strand/core/internal'

/**
 * The abort signal piscina gets for one task, aborted at the submitting greenlet's next
 * interrupt (kill or Timeout). piscina takes any object with `aborted`, `reason` and
 * `addEventListener`/`removeEventListener('abort')`. It watches the greenlet through
 * core's interrupt watchers, not through the greenlet's AbortSignal: an AbortController
 * and an event listener per greenlet cost about 8 µs a task when every task has a
 * greenlet of its own (ThreadPool.map), a third of piscina's own round trip.
 */
export class TaskSignal implements InterruptWatcher {
  aborted = false
  reason: unknown = undefined
  private listener: (() => void) | null = null
  private owner: Greenlet | null

  /** Watches `owner` (the greenlet that submits the task, or main's handle). */
  constructor(owner: Greenlet) {
    this.owner = owner
    watchInterrupts(owner, this)
  }

  /** piscina's hook: called once when the task is to be aborted. */
  addEventListener(_type: 'abort', listener: () => void): void {
    this.listener = listener
  }

  /** piscina calls it when the task is done: stop watching. */
  removeEventListener(): void {
    this.listener = null
    const owner = this.owner
    this.owner = null
    if (owner !== null) unwatchInterrupts(owner, this)
  }

  /** @internal core calls it: the owner was interrupted. */
  interrupted(reason: unknown): void {
    if (this.aborted) return
    this.aborted = true
    this.reason = reason
    this.owner = null
    const listener = this.listener
    this.listener = null
    listener?.()
  }
}

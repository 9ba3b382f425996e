import { getHub } from '@strand/core'
import { WaitList, type WaitOwner } from '@strand/core/internal'

// no own timeout: a kill or Timeout of the waiter takes it off the list by itself
const OWNER: WaitOwner = { onTimeout: () => {} }

/**
 * Admission to a ThreadPool with a `maxQueue`: at most `capacity` tasks (running or
 * queued in piscina) at once; more callers wait here, first come, first served. A freed
 * place goes straight to the longest waiter (decided at once, so a kill arriving later
 * never loses it: that caller then submits with an aborted signal, which gives it back).
 */
export class Gate {
  private free: number
  private readonly waiters = new WaitList()

  constructor(capacity: number) {
    this.free = capacity
  }

  /** Callers waiting for a place. */
  get waiting(): number {
    return this.waiters.size
  }

  /** Takes a place now if one is free and nobody waits before you. */
  tryEnter(): boolean {
    if (this.free === 0 || this.waiters.size > 0) return false
    this.free--
    return true
  }

  /** Waits for a place (it is yours when this resolves). `task` names the waiter. */
  enter(task: string): Promise<void> {
    return getHub().wait<void>(OWNER, this.waiters, null, 'ThreadPool (maxQueue reached)', task)
  }

  /** Gives a place back: to the longest waiter, or free. */
  leave(): void {
    const hub = getHub()
    for (let w = this.waiters.shift(); w !== null; w = this.waiters.shift()) {
      if (hub.wake(w)) return
    }
    this.free++
  }

  /** Rejects every waiter with `error(task)`: the pool closed. */
  failAll(error: (task: string) => unknown): void {
    getHub().failAll(this.waiters, (w) => error(w.data as string))
  }
}

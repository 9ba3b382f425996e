import { nodeSetImmediate } from './node-timers.js'
import { WaitList } from './wait-list.js'
import type { Waiter } from './waiter.js'

/**
 * The greenlets in `idle()`: woken together once the hub has nothing else to run.
 * setImmediate runs after every microtask, so if the ready queue is empty then, nothing
 * is ready.
 */
export class IdleWaiters {
  readonly list = new WaitList()
  private watching = false

  constructor(
    private readonly isIdle: () => boolean,
    private readonly wake: (w: Waiter) => void,
  ) {}

  /** Call after parking a waiter in {@link IdleWaiters.list}. */
  watch(): void {
    if (this.watching || this.list.size === 0) return
    this.watching = true
    nodeSetImmediate(this.check)
  }

  private readonly check = (): void => {
    this.watching = false
    if (this.list.size === 0) return
    if (!this.isIdle()) {
      this.watch()
      return
    }
    for (let w = this.list.shift(); w !== null; w = this.list.shift()) this.wake(w)
  }
}

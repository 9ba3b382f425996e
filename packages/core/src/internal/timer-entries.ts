import type { Greenlet } from '../greenlet.js'
import { SCHEDULED } from './greenlet-state.js'

/** startLater(): queues the greenlet's first run when due, unless it was killed meanwhile. */
export class StartTimer {
  deadline = 0
  seq = 0
  heapIndex = -1
  constructor(private readonly g: Greenlet) {}
  fire(): void {
    if (this.g._state === SCHEDULED) this.g.hub.scheduleStart(this.g)
  }
}

/** A timer entry that calls a function: for the rare timed waits that are not Waiters. */
export class CallbackTimer {
  deadline = 0
  seq = 0
  heapIndex = -1
  constructor(private readonly callback: () => void) {}
  fire(): void {
    this.callback()
  }
}

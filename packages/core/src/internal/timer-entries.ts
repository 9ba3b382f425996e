import { SCHEDULED, type Task } from './task.js'

/** startLater(): queues the task's first run when due, unless it was killed meanwhile. */
export class StartTimer {
  deadline = 0
  seq = 0
  heapIndex = -1
  constructor(
    private readonly task: Task,
    private readonly start: (task: Task) => void,
  ) {}
  fire(): void {
    if (this.task.state === SCHEDULED) this.start(this.task)
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

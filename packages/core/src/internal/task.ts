import type { Interrupt, InterruptScope, InterruptWatcher } from './interrupts.js'
import type { Waiter } from './waiter.js'

// The life of a task: created → scheduled (start() called) → running → dead.
export const NEW = 0
export const SCHEDULED = 1
export const RUNNING = 2
export const DEAD = 3

/**
 * The kernel's record of one greenlet: its body, its state, the waits it is parked on,
 * the interrupts it has not received yet and its place in the hub's live list. The
 * user's handle (a Greenlet) points at one of these; the kernel never looks inside the
 * handle, it only passes it back (`handle`) and tells the registered handle type when
 * the body ends (handles.ts).
 */
export class Task {
  state = NEW
  /** The body, `fn(...args)`; dropped once it has run. */
  fn: Function | null
  args: unknown[] | null
  /** Pending waits, linked through {@link Waiter.tNext}. */
  waitHead: Waiter | null = null
  /** Interrupts raised while it waited on nothing Strand knows (see interrupts.ts). */
  pending: Interrupt | null = null
  livePrev: Task | null = null
  liveNext: Task | null = null
  /** Someone retrieved its failure (or will): the hub then does not report it. */
  observed = false
  /** Rarely used state, allocated on first need (a task is allocated per spawn). */
  x: TaskExtras | null = null

  constructor(
    fn: Function | null,
    args: unknown[] | null,
    /** The user's handle; opaque to the kernel. */
    public handle: unknown,
  ) {
    this.fn = fn
    this.args = args
  }

  extras(): TaskExtras {
    return (this.x ??= new TaskExtras())
  }

  addWait(w: Waiter): void {
    w.tNext = this.waitHead
    w.tPrev = null
    if (this.waitHead !== null) this.waitHead.tPrev = w
    this.waitHead = w
  }

  removeWait(w: Waiter): void {
    if (w.tPrev !== null) w.tPrev.tNext = w.tNext
    else if (this.waitHead === w) this.waitHead = w.tNext
    else return
    if (w.tNext !== null) w.tNext.tPrev = w.tPrev
    w.tPrev = w.tNext = null
  }

  /** What it is parked on, for runInfo() and deadlock reports. */
  waitLabels(): string[] {
    const labels: string[] = []
    for (let w = this.waitHead; w !== null; w = w.tNext) labels.push(w.label)
    return labels
  }
}

/** The state few tasks need. */
export class TaskExtras {
  name: string | undefined = undefined
  /** Controller of the interrupt signal handed out now (renewed after each interrupt). */
  interrupt: AbortController | null = null
  /** Told of the next interrupt, then forgotten (a cheaper interrupt signal for tools). */
  watchers: Set<InterruptWatcher> | null = null
  /** Timeouts started against it and still pending, oldest (outermost) first. */
  scopes: InterruptScope[] | null = null
  /** The exception of the first kill(). */
  killedWith: unknown = undefined
  /** The latest interrupt raised into it: an AbortError caused by it is that exception. */
  lastInterrupt: unknown = undefined
  spawnSite: string | undefined = undefined
  sawLoopExit = false
}

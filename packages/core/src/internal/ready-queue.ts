import { inPromiseReaction, onReactionEnd } from './context.js'
import { nodeSetImmediate } from './node-timers.js'
import { PairRing } from './ring.js'
import type { Task } from './task.js'
import { settle, Waiter } from './waiter.js'

/** Tag: the paired value is a promise resolver (a `sleep(0)`). */
const RESOLVE = 1
/** Tag: the paired value is a task to start. */
const START = 2
type Entry = Waiter | typeof RESOLVE | typeof START | ((arg: never) => void)

const RESOLVED = Promise.resolve()

/** What the ready queue needs from its hub to run the synchronous entries. */
export interface ReadyQueueHost {
  startTask(task: Task): void
  runCallback(fn: (arg: never) => void, arg: unknown): void
}

/**
 * The hub's FIFO of work: waiters to settle, greenlets to start, hub callbacks. It runs
 * in *passes*, each a microtask, and lets Node's event loop in after `maxRunsPerSlice`
 * runs (or `switchInterval` seconds of busy CPU), so timers and I/O are never starved.
 */
export class ReadyQueue {
  /** Runs per slice before the event loop gets a turn (counted, so interleavings are reproducible). */
  maxRunsPerSlice = 1000
  /** Seconds of busy CPU after which a slice ends early. */
  switchInterval = 0.05
  /**
   * When set, each pass runs what is ready in a random order drawn from it (`shuffle(n)`
   * returns an integer in [0, n)): the schedule explorer of @strand/testing.
   */
  shuffle: ((n: number) => number) | null = null
  /** Told each waiter just before it settles, in settling order (the hub's trace). */
  onSettle: ((w: Waiter) => void) | null = null

  private readonly ring = new PairRing<Entry, unknown>()
  private scheduled = false
  private sliceStart = -1
  private sliceRuns = 0
  private passes = 0
  /** Waiters to settle when the current promise reaction ends (see settle()). */
  private readonly atEnd: (Waiter | undefined)[] = []
  /** How many of `atEnd` are in use (the array is reused: setting its length is slow). */
  private atEndCount = 0

  constructor(private readonly host: ReadyQueueHost) {}

  get size(): number {
    return this.ring.size
  }

  /** True when nothing is queued to run. */
  readonly isIdle = (): boolean => this.ring.size === 0 && !this.scheduled && this.atEndCount === 0

  /**
   * Settles a claimed waiter after the running code next waits. Inside a promise
   * reaction (almost always: greenlet code runs in them) with nothing queued ahead, that
   * is the end of the reaction: settling then queues the woken greenlet's continuation
   * behind whatever the running code queued — exactly where a pass would put it, minus
   * the pass. Otherwise, and once a slice is used up, the waiter joins the FIFO.
   */
  settle(w: Waiter): void {
    if (
      this.ring.size === 0 &&
      inPromiseReaction() &&
      this.sliceStart >= 0 &&
      this.shuffle === null
    ) {
      if (this.sliceRuns < this.maxRunsPerSlice) {
        this.sliceRuns++
        if (this.atEndCount === 0) onReactionEnd(this.settleAtEnd)
        this.atEnd[this.atEndCount++] = w
        return
      }
    }
    this.push(w, undefined)
  }

  private readonly settleAtEnd = (): void => {
    const list = this.atEnd
    const count = this.atEndCount
    this.atEndCount = 0
    const told = this.onSettle
    for (let i = 0; i < count; i++) {
      const w = list[i] as Waiter
      list[i] = undefined // hold nothing once settled
      if (told !== null) told(w)
      settle(w)
    }
  }

  start(task: Task): void {
    this.push(START, task)
  }

  callback(fn: (arg: never) => void, arg: unknown): void {
    this.push(fn, arg)
  }

  /** Executor for `new Promise(...)`: queues the resolver behind everything ready now. */
  readonly queueResolver = (resolve: () => void): void => {
    this.push(RESOLVE, resolve)
  }

  private push(a: Entry, b: unknown): void {
    // keep FIFO: waiters held for the end of this reaction go first
    if (this.atEndCount > 0) this.flushAtEndIntoRing()
    this.ring.push(a, b)
    if (!this.scheduled) this.schedule()
  }

  private flushAtEndIntoRing(): void {
    const list = this.atEnd
    const count = this.atEndCount
    this.atEndCount = 0
    for (let i = 0; i < count; i++) {
      this.ring.push(list[i] as Waiter, undefined)
      list[i] = undefined
    }
    this.sliceRuns -= count // the pass counts them again
  }

  private schedule(): void {
    this.scheduled = true
    if (this.sliceStart >= 0 && (this.sliceRuns >= this.maxRunsPerSlice || this.overTime())) {
      nodeSetImmediate(this.runPass)
    } else {
      void RESOLVED.then(this.runPass)
    }
  }

  // reading the clock costs: only every 64th pass
  private overTime(): boolean {
    return (
      (++this.passes & 63) === 0 && performance.now() - this.sliceStart > this.switchInterval * 1000
    )
  }

  private readonly endSlice = (): void => {
    this.sliceStart = -1
  }

  /** Reorders what is queued now (Fisher–Yates over the entries). */
  private permute(shuffle: (n: number) => number): void {
    const q = this.ring
    const as: unknown[] = []
    const bs: unknown[] = []
    while (q.size > 0) {
      as.push(q.peekA())
      bs.push(q.peekB())
      q.drop()
    }
    for (let i = as.length - 1; i > 0; i--) {
      const j = shuffle(i + 1)
      ;[as[i], as[j]] = [as[j], as[i]]
      ;[bs[i], bs[j]] = [bs[j], bs[i]]
    }
    for (let i = 0; i < as.length; i++) q.push(as[i] as Entry, bs[i])
  }

  /**
   * Runs the queue in FIFO order. Settling a waiter only queues its greenlet's
   * continuation as a microtask; a start or a callback runs synchronously, so it may run
   * only while no continuation is queued ahead of it: otherwise the pass stops and
   * resumes after those continuations. That keeps the run order equal to the queue order.
   */
  private readonly runPass = (): void => {
    this.scheduled = false
    if (this.sliceStart < 0) {
      this.sliceStart = performance.now()
      this.sliceRuns = 0
      nodeSetImmediate(this.endSlice)
    }
    const q = this.ring
    if (this.shuffle !== null && q.size > 1) this.permute(this.shuffle)
    let continued = false
    while (q.size > 0) {
      if (++this.sliceRuns > this.maxRunsPerSlice) break
      const a = q.peekA()
      if (a instanceof Waiter) {
        q.drop()
        if (this.onSettle !== null) this.onSettle(a)
        settle(a)
        continued = true
      } else if (a === RESOLVE) {
        const resolve = q.peekB() as () => void
        q.drop()
        resolve()
        continued = true
      } else {
        if (continued) {
          this.sliceRuns--
          break
        }
        const b = q.peekB()
        q.drop()
        if (a === START) this.host.startTask(b as Task)
        else this.host.runCallback(a, b)
      }
    }
    if (q.size > 0 && !this.scheduled) this.schedule()
  }
}

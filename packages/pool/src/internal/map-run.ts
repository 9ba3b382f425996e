import { Greenlet, getHub, joinAll } from '@strand/core'
import {
  type DeathObserver,
  Deque,
  isGreenletExit,
  markObserved,
  Waiter,
  WaitList,
  type WaitOwner,
} from '@strand/core/internal'
import { Feeder, type FeedTarget } from './feeder.js'
import type { Members } from './members.js'

const DONE: IteratorResult<never> = Object.freeze({ done: true, value: undefined })
const NO_TIMEOUT = (): void => {}

// a consumer that is killed or timed out while it waits for a result leaves the loop
// (for await does not call return() after next() rejects): stop the run then
const CONSUMER: WaitOwner = {
  onTimeout: NO_TIMEOUT,
  onInterrupt: (w) => (w.data as MapRun<unknown, unknown>).close(),
}

/**
 * One imap / imapUnordered run: a {@link Feeder} pulls an item only once it holds a
 * free slot (and a `maxsize` credit), starts the task in that slot; the consumer takes
 * finished tasks in input order (`ordered`) or completion order.
 *
 * Finished tasks are buffered as their greenlets (which hold value or exception), so a
 * result costs no extra object until it is handed out. Hand-offs to a waiting consumer
 * are decided synchronously when a task dies, so no result is lost or given twice.
 */
export class MapRun<I, R> implements AsyncIterableIterator<R>, DeathObserver, FeedTarget<I> {
  /** ordered: tasks started and not consumed, input order; unordered: finished tasks */
  private readonly buffer = new Deque<Greenlet>()
  /**
   * unordered: the tasks started, to kill those still running on close. Dead ones are
   * swept out now and then, not one by one: cheaper than a Set add and delete per task.
   */
  private readonly running: Greenlet[] | null
  private readonly consumers = new WaitList()
  private feeder: Feeder<I> | null = null
  private fed = false
  private failed = false
  private sourceError: unknown = undefined
  closed = false
  credits: number
  private active = 0
  private readonly label: string

  constructor(
    private readonly members: Members,
    private readonly fn: Function,
    private readonly items: Iterable<I> | AsyncIterable<I>,
    private readonly ordered: boolean,
    maxsize: number,
  ) {
    this.running = ordered ? null : []
    this.credits = maxsize
    this.label = `${members.name}.${ordered ? 'imap' : 'imapUnordered'}`
  }

  [Symbol.asyncIterator](): this {
    return this
  }

  next(): Promise<IteratorResult<R>> {
    if (this.closed) return Promise.resolve(DONE)
    if (this.feeder === null) this.feeder = new Feeder(this.members, this, this.items, this.label)
    if (this.consumers.size === 0) {
      const g = this.take()
      if (g !== null) return this.outcome(g)
      if (this.finished()) return this.finish()
    }
    const w = getHub().park<IteratorResult<R>>(CONSUMER, this.consumers, null, this.label, this)
    if (w instanceof Waiter) return w.promise
    this.close() // a kill or Timeout was already pending
    return w
  }

  /** Leaving the loop early: kill what still runs, stop pulling input, wait for them. */
  async return(): Promise<IteratorResult<R>> {
    const victims = this.live()
    this.close()
    if (victims.length > 0) await joinAll(victims)
    return DONE
  }

  /** A task died: the group hears of it first (its slot may go to our feeder). */
  notify(g: Greenlet): void {
    this.members.notify(g)
    this.active--
    if (this.running !== null) {
      if (this.closed) return
      this.buffer.push(g)
    }
    if (this.consumers.size > 0) this.pump()
  }

  /** A task for `item`, in the slot the feeder reserved. */
  startTask(item: I): void {
    this.credits--
    this.active++
    const task = new Greenlet(this.fn as never, item)
    markObserved(task) // its exception goes to the consumer
    const running = this.running
    if (running === null) this.buffer.push(task)
    else if (running.push(task) > 2 * this.active + 32) sweep(running)
    this.members.fill(task, this)
  }

  /** The input threw. */
  sourceFailed(err: unknown): void {
    if (this.closed) return
    this.failed = true
    this.sourceError = err
  }

  /** The feeder ended. */
  feederDone(): void {
    this.fed = true
    if (this.consumers.size > 0) this.pump()
  }

  /** Stops the run: no more results; the feeder and running tasks are killed. */
  close(): void {
    if (this.closed) return
    const victims = this.live()
    this.end()
    for (const g of victims) void g.kill()
  }

  /** No more results: consumers still waiting get the end. */
  private end(): void {
    this.closed = true
    this.buffer.clear()
    getHub().wakeAll(this.consumers, DONE)
  }

  private live(): Greenlet[] {
    const out: Greenlet[] = []
    if (this.feeder !== null && !this.feeder.greenlet.dead) out.push(this.feeder.greenlet)
    const tasks = this.running ?? this.buffer
    for (const g of tasks) if (!g.dead) out.push(g)
    return out
  }

  /** A finished task ready to hand out, or null; gives back a maxsize credit. */
  private take(): Greenlet | null {
    let g: Greenlet | undefined
    if (this.ordered) {
      g = this.buffer.peekFirst()
      if (g === undefined || !g.dead) return null
      this.buffer.shift()
    } else {
      g = this.buffer.shift()
      if (g === undefined) return null
    }
    if (this.credits++ === 0) this.feeder?.refill()
    return g
  }

  private finished(): boolean {
    return this.fed && this.buffer.length === 0 && this.active === 0
  }

  private outcome(g: Greenlet): Promise<IteratorResult<R>> {
    const error = failure(g)
    if (error === undefined) return Promise.resolve({ value: g.value as R, done: false })
    this.close()
    return Promise.reject(error.e)
  }

  private finish(): Promise<IteratorResult<R>> {
    this.closed = true
    if (!this.failed) return Promise.resolve(DONE)
    this.failed = false
    return Promise.reject(this.sourceError)
  }

  /** Hands finished tasks (or the end) to waiting consumers, first come first served. */
  private pump(): void {
    const hub = getHub()
    const consumers = this.consumers
    while (consumers.size > 0 && !this.closed) {
      const g = this.take()
      if (g !== null) {
        const w = consumers.shift()!
        const error = failure(g)
        if (error === undefined) {
          hub.wake(w, { value: g.value, done: false })
        } else {
          hub.fail(w, error.e)
          this.close()
        }
      } else {
        if (!this.finished()) return
        const w = consumers.shift()!
        if (this.failed) {
          this.failed = false
          hub.fail(w, this.sourceError)
        } else {
          hub.wake(w, DONE)
        }
        this.end()
      }
    }
  }
}

/** Drops the dead greenlets from `tasks`, in place. */
function sweep(tasks: Greenlet[]): void {
  let n = 0
  for (const g of tasks) if (!g.dead) tasks[n++] = g
  tasks.length = n
}

/** A task's failure ({ e }), or undefined if it produced a value. A killed task failed. */
function failure(g: Greenlet): { e: unknown } | undefined {
  if (!g.successful()) return { e: g.exception }
  if (isGreenletExit(g.value)) return { e: g.value }
  return undefined
}

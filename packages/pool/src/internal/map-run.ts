import { Greenlet, getHub, joinAll } from '@strand/core'
import {
  type DeathObserver,
  Deque,
  isGreenletExit,
  type Waiter,
  WaitList,
  type WaitOwner,
} from '@strand/core/internal'
import type { BaseGroup } from '../base-group.js'

const DONE: IteratorResult<never> = Object.freeze({ done: true, value: undefined })
const NO_TIMEOUT = (): void => {}

// a consumer that is killed or timed out while it waits for a result leaves the loop
// (for await does not call return() after next() rejects): stop the run then
const CONSUMER: WaitOwner = {
  onTimeout: NO_TIMEOUT,
  onInterrupt: (w) => (w.data as MapRun<unknown, unknown>).close(),
}
const FEEDER: WaitOwner = { onTimeout: NO_TIMEOUT }

/**
 * One imap / imapUnordered run: a feeder greenlet pulls an item only once it holds a
 * free slot (and a `maxsize` credit), starts the task in that slot; the consumer takes
 * finished tasks in input order (`ordered`) or completion order.
 *
 * Finished tasks are buffered as their greenlets (which hold value or exception), so a
 * result costs no extra object until it is handed out. Hand-offs to a waiting consumer
 * are decided synchronously when a task dies, so no result is lost or given twice.
 */
export class MapRun<I, R> implements AsyncIterableIterator<R>, DeathObserver {
  /** ordered: tasks started and not consumed, input order; unordered: finished tasks */
  private readonly buffer = new Deque<Greenlet>()
  /** unordered: tasks still running */
  private readonly running: Set<Greenlet> | null
  private readonly consumers = new WaitList()
  private feeder: Greenlet | null = null
  private feederDone = false
  private sourceFailed = false
  private sourceError: unknown = undefined
  private closed = false
  private credits: number
  private creditWaiter: Waiter | null = null
  private readonly label: string

  constructor(
    private readonly group: BaseGroup,
    private readonly fn: Function,
    private readonly items: Iterable<I> | AsyncIterable<I>,
    private readonly ordered: boolean,
    maxsize: number,
  ) {
    this.running = ordered ? null : new Set()
    this.credits = maxsize
    this.label = `${group.constructor.name}.${ordered ? 'imap' : 'imapUnordered'}`
  }

  [Symbol.asyncIterator](): this {
    return this
  }

  next(): Promise<IteratorResult<R>> {
    if (this.closed) return Promise.resolve(DONE)
    if (this.feeder === null) this.startFeeder()
    if (this.consumers.size === 0) {
      const g = this.take()
      if (g !== null) return this.outcome(g)
      if (this.finished()) return this.finish()
    }
    const w = getHub().park<IteratorResult<R>>(CONSUMER, this.consumers, null, this.label)
    w.data = this
    if (!w.pending) this.close() // a kill or Timeout was already pending
    return w.promise
  }

  /** Leaving the loop early: kill what still runs, stop pulling input, wait for them. */
  async return(): Promise<IteratorResult<R>> {
    const victims = this.live()
    this.close()
    if (victims.length > 0) await joinAll(victims)
    return DONE
  }

  /** @internal a task died */
  notify(g: Greenlet): void {
    if (this.running !== null) {
      this.running.delete(g)
      if (this.closed) return
      this.buffer.push(g)
    }
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
    const hub = getHub()
    for (let w = this.consumers.shift(); w !== null; w = this.consumers.shift()) hub.wake(w, DONE)
  }

  private live(): Greenlet[] {
    const out: Greenlet[] = []
    if (this.feeder !== null && !this.feeder.dead) out.push(this.feeder)
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
    this.credits++
    if (this.creditWaiter !== null) {
      getHub().wake(this.creditWaiter)
      this.creditWaiter = null
    }
    return g
  }

  private finished(): boolean {
    return this.feederDone && this.buffer.length === 0 && (this.running?.size ?? 0) === 0
  }

  private outcome(g: Greenlet): Promise<IteratorResult<R>> {
    const error = failure(g)
    if (error === undefined) return Promise.resolve({ value: g.value as R, done: false })
    this.close()
    return Promise.reject(error.e)
  }

  private finish(): Promise<IteratorResult<R>> {
    this.closed = true
    if (!this.sourceFailed) return Promise.resolve(DONE)
    this.sourceFailed = false
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
        if (this.sourceFailed) {
          this.sourceFailed = false
          hub.fail(w, this.sourceError)
        } else {
          hub.wake(w, DONE)
        }
        this.end()
      }
    }
  }

  private startFeeder(): void {
    const g = new Greenlet(feed, this)
    g.name = `${this.label} feeder`
    this.feeder = g.start()
  }

  /** @internal the feeder greenlet's body */
  async _feed(): Promise<void> {
    const group = this.group
    const hub = getHub()
    let iterator: Iterator<I> | AsyncIterator<I> | null = null
    let isAsync = false
    let holding = false // a slot is reserved and not filled yet
    let ended = false // the source is exhausted or threw: no return() then
    try {
      const items = this.items as { [Symbol.asyncIterator]?: () => AsyncIterator<I> }
      isAsync = typeof items[Symbol.asyncIterator] === 'function'
      ended = true
      iterator = isAsync
        ? (this.items as AsyncIterable<I>)[Symbol.asyncIterator]()
        : (this.items as Iterable<I>)[Symbol.iterator]()
      ended = false
      for (;;) {
        if (this.credits === 0) {
          const w = hub.park(FEEDER, null, null, `${this.label} (waiting for the consumer)`)
          this.creditWaiter = w
          await w.promise
        }
        if (this.closed) return
        const reserved = group._reserve()
        if (reserved !== null) await reserved
        holding = true
        if (this.closed) return
        ended = true
        const step = isAsync
          ? await (iterator as AsyncIterator<I>).next()
          : (iterator as Iterator<I>).next()
        if (step.done === true) return
        ended = false
        if (this.closed) return
        this.credits--
        const task = new Greenlet(this.fn as never, step.value)
        task._observed = true // its exception goes to the consumer
        task._observe(this)
        if (this.running !== null) this.running.add(task)
        else this.buffer.push(task)
        holding = false
        group._fill(task)
      }
    } catch (err) {
      if (!this.closed) {
        this.sourceFailed = true
        this.sourceError = err
      }
    } finally {
      if (holding) group._unreserve()
      if (!ended && iterator !== null && typeof iterator.return === 'function') {
        try {
          const r = iterator.return()
          if (isAsync) await r
        } catch {
          // the source failed to clean up: nothing left to tell
        }
      }
      this.feederDone = true
      if (this.consumers.size > 0) this.pump()
    }
  }
}

function feed(run: MapRun<unknown, unknown>): Promise<void> {
  return run._feed()
}

/** A task's failure ({ e }), or undefined if it produced a value. A killed task failed. */
function failure(g: Greenlet): { e: unknown } | undefined {
  if (!g.successful()) return { e: g.exception }
  if (isGreenletExit(g.value)) return { e: g.value }
  return undefined
}

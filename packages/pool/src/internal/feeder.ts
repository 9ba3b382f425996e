import { Greenlet, getHub } from '@strand/core'
import { Waiter } from '@strand/core/internal'
import type { Members } from './members.js'
import { FEED_OWNER, type SlotClaim, type SlotPolicy } from './slot-policy.js'

/** What a {@link Feeder} needs from the imap run it feeds. */
export interface FeedTarget<I> {
  readonly closed: boolean
  /** tasks that may still start before the consumer takes a result (maxsize) */
  readonly credits: number
  /** starts a task for `item` in the slot the feeder reserved; takes a credit */
  startTask(item: I): void
  /** the input threw `err` */
  sourceFailed(err: unknown): void
  /** the feeder ended: no task will start any more */
  feederDone(): void
}

// why fill() stopped
const NO_CREDIT = 0
const NO_SLOT = 1
const END = 2

/**
 * Pulls input only while it holds a free slot (and a maxsize credit) and starts a task
 * there. The feeder greenlet waits for what needs waiting (an async `next()`); with a
 * synchronous iterator nothing does, so the common step runs inline instead of waking
 * the greenlet per item (a promise and a hub pass each): the parked feeder stands in
 * the pool's line for a slot, and when its turn comes the pool calls
 * {@link Feeder.slotGranted}, which pulls the next item and starts it in that slot at
 * once, then gets back in line. First come, first served with other spawners, as ever.
 */
export class Feeder<I> implements SlotClaim {
  readonly greenlet: Greenlet
  private iterator: Iterator<I> | AsyncIterator<I> | null = null
  private isAsync = false
  /** the input is exhausted or threw: no return() then */
  private ended = false
  /** the greenlet's wait while parked: in the pool's line, or waiting for a credit */
  private idle: Waiter | null = null
  private filling = false
  private readonly slots: SlotPolicy

  constructor(
    private readonly members: Members,
    private readonly run: FeedTarget<I>,
    private readonly items: Iterable<I> | AsyncIterable<I>,
    private readonly label: string,
  ) {
    this.slots = members.slots
    const g = new Greenlet(feed, this)
    g.name = `${label} feeder`
    this.greenlet = g.start()
  }

  /** The pool hands us a slot (`w` is off its line): fill it, get back in line */
  slotGranted(w: Waiter): void {
    this.filling = true
    const stop = this.pullInto() ? this.fill() : END
    this.filling = false
    this.settle(w, stop)
  }

  /** The consumer gave back a credit: go on if the feeder stopped for lack of one. */
  refill(): void {
    const w = this.idle
    if (w === null || !w.pending || w.list !== null || this.filling) return
    if (this.isAsync) {
      getHub().wake(w)
      return
    }
    this.filling = true
    const stop = this.fill()
    this.filling = false
    this.settle(w, stop)
  }

  /** Synchronous input: starts tasks while a slot is free at once and credits remain. */
  private fill(): number {
    for (;;) {
      if (this.ended || this.run.closed) return END
      if (this.run.credits === 0) return NO_CREDIT
      if (!this.slots.tryTake()) return NO_SLOT
      if (!this.pullInto()) return END
    }
  }

  /** Pulls one item into the slot we hold; false (slot given back) if the input is done. */
  private pullInto(): boolean {
    const run = this.run
    let step: IteratorResult<I> | undefined
    if (!this.ended && !run.closed) {
      try {
        step = (this.iterator as Iterator<I>).next()
      } catch (err) {
        this.ended = true
        run.sourceFailed(err)
      }
    }
    if (step === undefined || step.done === true || run.closed) {
      if (step?.done === true) this.ended = true
      this.members.releaseSlot()
      return false
    }
    run.startTask(step.value)
    return true
  }

  /**
   * After a fill of the parked feeder: wait in line for a slot (`tryTake()` just failed),
   * for a credit, or finish.
   */
  private settle(w: Waiter, stop: number): void {
    if (stop === NO_SLOT) this.slots.enqueue(w)
    else if (stop === END) getHub().wake(w)
    // NO_CREDIT: refill() goes on when the consumer takes a result
  }

  private async park(stop: number): Promise<void> {
    const label = `${this.label} (waiting for ${stop === NO_SLOT ? 'a free slot' : 'the consumer'})`
    const w = getHub().park<void>(FEED_OWNER, null, null, label, this)
    if (!(w instanceof Waiter)) return w
    this.idle = w
    this.settle(w, stop)
    try {
      await w.promise
    } finally {
      this.idle = null
    }
  }

  /** The feeder greenlet's body. */
  async body(): Promise<void> {
    const members = this.members
    const run = this.run
    let holding = false // a slot is reserved and not filled yet
    try {
      const items = this.items as { [Symbol.asyncIterator]?: () => AsyncIterator<I> }
      this.isAsync = typeof items[Symbol.asyncIterator] === 'function'
      this.ended = true // if getting the iterator throws, there is nothing to return()
      this.iterator = this.isAsync
        ? (this.items as AsyncIterable<I>)[Symbol.asyncIterator]()
        : (this.items as Iterable<I>)[Symbol.iterator]()
      this.ended = false
      for (;;) {
        if (!this.isAsync) {
          // slotGranted() and refill() do the work while parked; woken at the end
          const stop = this.fill()
          if (stop === END) return
          await this.park(stop)
          continue
        }
        if (run.credits === 0) {
          await this.park(NO_CREDIT)
          continue
        }
        // async input: wait in line for a slot, then for the next item
        if (run.closed) return
        const reserved = members.reserve(`${this.label} (waiting for a free slot)`)
        if (reserved !== null) await reserved
        holding = true
        if (run.closed) return
        this.ended = true
        const step = await (this.iterator as AsyncIterator<I>).next()
        if (step.done === true) return
        this.ended = false
        if (run.closed) return
        holding = false
        run.startTask(step.value)
      }
    } catch (err) {
      run.sourceFailed(err)
    } finally {
      if (holding) members.releaseSlot()
      const iterator = this.iterator
      if (!this.ended && iterator !== null && typeof iterator.return === 'function') {
        try {
          const r = iterator.return()
          if (this.isAsync) await r
        } catch {
          // the input failed to clean up: nothing left to tell
        }
      }
      run.feederDone()
    }
  }
}

function feed(feeder: Feeder<unknown>): Promise<void> {
  return feeder.body()
}

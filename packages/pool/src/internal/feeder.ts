import { Greenlet, getHub } from '@strand/core'
import type { Waiter, WaitOwner } from '@strand/core/internal'
import type { BaseGroup } from '../base-group.js'

/** What a {@link Feeder} needs from the imap run it feeds. */
export interface FeedTarget<I> {
  readonly closed: boolean
  /** tasks that may still start before the consumer takes a result (maxsize) */
  readonly credits: number
  /** tasks started and not dead yet */
  readonly active: number
  /** starts a task for `item` in the slot the feeder reserved; takes a credit */
  startTask(item: I): void
  /** the input threw `err` */
  sourceFailed(err: unknown): void
  /** the feeder ended: no task will start any more */
  feederDone(): void
}

const IDLE: WaitOwner = { onTimeout: () => {} }

// why fill() stopped
const NO_CREDIT = 0
const NO_SLOT = 1
const END = 2

/**
 * Pulls input only while it holds a free slot (and a maxsize credit) and starts a task
 * there. The feeder greenlet does the waiting (for a slot, an async `next()`); with a
 * synchronous iterator the common step needs no waiting, so it happens inline: when
 * one of the run's tasks dies (its slot is freed just before) or the consumer gives
 * back a credit, {@link Feeder.refill} pulls the next items and starts them at once,
 * without a wake-up of the feeder greenlet per item (a promise and a hub pass each).
 */
export class Feeder<I> {
  readonly greenlet: Greenlet
  private iterator: Iterator<I> | AsyncIterator<I> | null = null
  private isAsync = false
  /** the input is exhausted or threw: no return() then */
  private ended = false
  /** the greenlet parked with nothing to do; refill() works for it meanwhile */
  private idle: Waiter | null = null

  constructor(
    private readonly group: BaseGroup,
    private readonly run: FeedTarget<I>,
    private readonly items: Iterable<I> | AsyncIterable<I>,
    private readonly label: string,
  ) {
    const g = new Greenlet(feed, this)
    g.name = `${label} feeder`
    this.greenlet = g.start()
  }

  /** A slot or a credit may have come free: fill it now, or wake the feeder to wait for it. */
  refill(): void {
    const w = this.idle
    if (w === null || !w.pending || this.run.closed || this.run.credits === 0) return
    // cleared meanwhile: an iterator that makes a task die re-enters here, and must not pull
    this.idle = null
    if (!this.isAsync) {
      const stop = this.fill()
      if (stop === NO_CREDIT || (stop === NO_SLOT && this.mayIdle())) {
        this.idle = w
        return
      }
    }
    getHub().wake(w)
  }

  /**
   * Synchronous input: pulls and starts tasks while a slot is free at once and credits
   * remain. A slot is reserved before the pull, so input is never pulled without one.
   */
  private fill(): number {
    const run = this.run
    const group = this.group
    const iterator = this.iterator as Iterator<I>
    for (;;) {
      if (this.ended || run.closed) return END
      if (run.credits === 0) return NO_CREDIT
      if (!group._tryReserve()) return NO_SLOT
      let step: IteratorResult<I>
      try {
        step = iterator.next()
      } catch (err) {
        this.ended = true
        group._unreserve()
        run.sourceFailed(err)
        return END
      }
      if (step.done === true || run.closed) {
        this.ended = step.done === true
        group._unreserve()
        return END
      }
      run.startTask(step.value)
    }
  }

  /**
   * No free slot: the feeder may stay idle (not queued for a slot) while a task of this
   * run still runs, since its death calls refill(); unless spawners are queued for a slot,
   * then it queues behind them (first come, first served).
   */
  private mayIdle(): boolean {
    return this.run.active > 0 && !this.group._contended()
  }

  private async park(): Promise<void> {
    const w = getHub().park(
      IDLE,
      null,
      null,
      `${this.label} (waiting for a free slot or the consumer)`,
    )
    if (w.pending) this.idle = w
    try {
      await w.promise
    } finally {
      this.idle = null
    }
  }

  /** @internal the feeder greenlet's body */
  async _feed(): Promise<void> {
    const group = this.group
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
          const stop = this.fill()
          if (stop === END) return
          if (stop === NO_CREDIT || this.mayIdle()) {
            await this.park()
            continue
          }
        } else if (run.credits === 0) {
          await this.park()
          continue
        }
        // wait in line for a slot, then pull one item (also the async input's path)
        if (run.closed) return
        const reserved = group._reserve()
        if (reserved !== null) await reserved
        holding = true
        if (run.closed) return
        this.ended = true
        const step = this.isAsync
          ? await (this.iterator as AsyncIterator<I>).next()
          : (this.iterator as Iterator<I>).next()
        if (step.done === true) return
        this.ended = false
        if (run.closed) return
        holding = false
        run.startTask(step.value)
      }
    } catch (err) {
      run.sourceFailed(err)
    } finally {
      if (holding) group._unreserve()
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
  return feeder._feed()
}

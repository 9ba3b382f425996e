import { type Clock, realClock } from '../clock.js'
import { type TimerEntry, TimerHeap } from './timer-heap.js'

/**
 * The hub's timers: one heap ordered by deadline then creation, and at most one armed
 * clock timer (for the earliest deadline). Sleeps, Timeouts, timed waits and spawnLater
 * all live here, so a virtual clock drives every one of them.
 */
export class HubTimers {
  clock: Clock = realClock
  /** Added to every deadline when set (seconds): the schedule explorer's stand-in for I/O latency. */
  jitter: ((seconds: number) => number) | null = null
  private readonly heap = new TimerHeap()
  private armed: unknown = null
  private armedDeadline = Number.POSITIVE_INFINITY
  private seq = 0

  constructor(
    /** Runs the expired entries (the hub wraps this with its context and error handling). */
    private readonly fireAll: (fire: () => void) => void,
  ) {}

  get size(): number {
    return this.heap.size
  }

  /** Arms `entry` to fire `seconds` from now. */
  add(entry: TimerEntry, seconds: number): void {
    entry.deadline =
      this.clock.now() + (this.jitter === null ? seconds : seconds + this.jitter(seconds))
    entry.seq = ++this.seq
    this.heap.push(entry)
    if (entry.deadline < this.armedDeadline) this.arm(entry.deadline)
  }

  remove(entry: TimerEntry): void {
    this.heap.remove(entry)
    // an empty heap must not leave a ref'd Node timer keeping the process alive
    if (this.heap.size === 0 && this.armed !== null) this.disarm()
  }

  /** A snapshot of the armed entries. */
  entries(): TimerEntry[] {
    return this.heap.entries()
  }

  /** @throws Error while timers are armed (their deadlines belong to the old clock). */
  useClock(clock: Clock, isIdle: () => boolean): void {
    if (this.heap.size > 0) {
      throw new Error(
        `Cannot change the clock while ${this.heap.size} timer(s) are armed; call useClock() before anything sleeps`,
      )
    }
    this.clock = clock
    clock.attach?.(isIdle)
  }

  private arm(deadline: number): void {
    if (this.armed !== null) this.clock.clearTimer(this.armed)
    this.armedDeadline = deadline
    this.armed = this.clock.setTimer(deadline - this.clock.now(), this.onTimer)
  }

  private disarm(): void {
    this.clock.clearTimer(this.armed)
    this.armed = null
    this.armedDeadline = Number.POSITIVE_INFINITY
  }

  private readonly onTimer = (): void => {
    this.armed = null
    this.armedDeadline = Number.POSITIVE_INFINITY
    this.fireAll(this.fireExpired)
    const next = this.heap.peek()
    if (next !== undefined && this.armed === null) this.arm(next.deadline)
  }

  // A clock timer may fire a little early (Node's timers work in whole, cached
  // milliseconds): entries not due yet simply wait for the re-armed timer.
  private readonly fireExpired = (): void => {
    const now = this.clock.now()
    const heap = this.heap
    for (let e = heap.peek(); e !== undefined && e.deadline <= now; e = heap.peek()) {
      heap.remove(e)
      e.fire()
    }
  }
}

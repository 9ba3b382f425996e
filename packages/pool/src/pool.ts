import { Greenlet } from '@strand/core'
import { checkOptions, checkSeconds } from '@strand/core/internal'
import { BaseGroup } from './base-group.js'
import { PoolFull } from './errors.js'
import { checkGreenlet, checkSize } from './internal/checks.js'
import { CountedSlots } from './internal/counted-slots.js'
import { Members } from './internal/members.js'

const RESOLVED = Promise.resolve()

/** Options of {@link Pool.add} and {@link Pool.start}. */
export interface AddOptions {
  /** `false`: reject with {@link PoolFull} at once when no slot is free. */
  blocking?: boolean
  /** Reject with {@link PoolFull} if no slot frees up within this many seconds. */
  timeout?: number | null
}

/**
 * A {@link Group} bounded to `size` greenlets running at once (gevent's `Pool`).
 * `await pool.spawn(fn)` waits for a free slot, so a producer that spawns in a loop is
 * held back instead of piling up work; `map`, `imap` and `imapUnordered` never run more
 * than `size` tasks. A slot is taken before the greenlet starts and freed the moment it
 * dies (or is discarded). Spawners waiting for a slot are served first come, first served.
 *
 * @throws TypeError/RangeError unless `size` is an integer from 1 up.
 * @example
 * ```ts
 * import { Pool } from '@strand/pool'
 * import { sleep } from '@strand/core'
 *
 * const pool = new Pool(2)
 * for (const ms of [30, 10, 20]) await pool.spawn(() => sleep(ms / 1000)) // the 3rd waits ~10 ms
 * pool.freeCount() // => 0
 * await pool.join() // => true
 * for await (const x of pool.imapUnordered(async (n: number) => n * n, [1, 2, 3])) console.log(x)
 * // => 1, 4, 9
 * ```
 */
export class Pool extends BaseGroup {
  /** How many greenlets may run at once (gevent's `pool.size`; `size` is the member count). */
  readonly capacity: number
  readonly #members: Members
  readonly #slots: CountedSlots

  constructor(size: number) {
    const slots = new CountedSlots(checkSize(size))
    const members = new Members(slots, new.target.name)
    super(members)
    this.capacity = slots.capacity
    this.#members = members
    this.#slots = slots
  }

  /** Free slots now. */
  freeCount(): number {
    return this.#slots.freeCount()
  }

  /**
   * Waits until at least one slot is free (without taking it) and resolves to the
   * number of free slots; that may be 0 if `timeout` passed first.
   * @throws TypeError/RangeError for a bad `timeout`.
   */
  waitAvailable(opts?: { timeout?: number | null }): Promise<number> {
    checkOptions('opts', opts)
    return this.#slots.waitAvailable(checkSeconds('timeout', opts?.timeout))
  }

  /**
   * Waits for a free slot, then starts `fn(...args)` in it as a member, and resolves to its
   * greenlet (not to its result: `await (await pool.spawn(f)).get()` for that).
   * A kill or Timeout aimed at you while you wait cancels the spawn: `fn` never runs.
   * Spawning into your own full pool from one of its members waits forever (use `apply`).
   * @throws TypeError if `fn` is not a function.
   */
  spawn<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Promise<Greenlet<Awaited<R>>> {
    const g = new Greenlet<Awaited<R>>(fn as never, ...args)
    if (this.#slots.tryTake()) {
      this.#members.fill(g)
      return Promise.resolve(g)
    }
    return this.#slots.wait<Greenlet<Awaited<R>>>('spawn', null, 'Pool.spawn', g)
  }

  /**
   * Adds an existing greenlet once a slot is free (it is not started). With
   * `blocking: false` on a full pool, or when `timeout` passes, rejects with {@link PoolFull}.
   * Already a member, or dead: resolves at once.
   * @throws TypeError for a non-greenlet; TypeError/RangeError for bad options.
   */
  add(greenlet: Greenlet, opts?: AddOptions): Promise<void> {
    return this.#add(greenlet, opts, false)
  }

  /**
   * Like {@link Pool.add}, then starts the greenlet (gevent's `Pool.start`).
   * @throws TypeError for a non-greenlet; TypeError/RangeError for bad options.
   */
  start(greenlet: Greenlet, opts?: AddOptions): Promise<void> {
    return this.#add(greenlet, opts, true)
  }

  #add(greenlet: Greenlet, opts: AddOptions | undefined, start: boolean): Promise<void> {
    checkGreenlet('greenlet', greenlet)
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    const members = this.#members
    if (greenlet.dead || members.set.has(greenlet)) {
      if (start) greenlet.start()
      return RESOLVED
    }
    if (this.#slots.tryTake()) {
      members.track(greenlet)
      if (start) greenlet.start()
      return RESOLVED
    }
    if (opts?.blocking === false) return Promise.reject(new PoolFull(this.capacity))
    return start
      ? this.#slots.wait<void>('start', seconds, 'Pool.start', greenlet)
      : this.#slots.wait<void>('add', seconds, 'Pool.add', greenlet)
  }
}

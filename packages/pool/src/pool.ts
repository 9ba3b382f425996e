import { Greenlet, getHub } from '@strand/core'
import {
  checkOptions,
  checkSeconds,
  type Waiter,
  WaitList,
  type WaitOwner,
} from '@strand/core/internal'
import { BaseGroup } from './base-group.js'
import { PoolFull } from './errors.js'
import { checkGreenlet, checkSize } from './internal/checks.js'
import { CLAIM, type SlotClaim } from './internal/slot-claim.js'

const RESOLVED = Promise.resolve()
const AVAILABLE_OWNER: WaitOwner = { onTimeout: (w) => getHub().wake(w) }

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
  /** Slots taken: members plus slots reserved by a running imap. */
  private _used = 0
  private readonly _slotWaiters = new WaitList()
  private _availableWaiters: WaitList | null = null
  // a waiter for a slot holds the greenlet to add in `data` (null: just reserve the slot)
  private readonly _startOwner: WaitOwner
  private readonly _addOwner: WaitOwner

  constructor(size: number) {
    super()
    this.capacity = checkSize(size)
    const onTimeout = (w: { data: unknown }): void => {
      getHub().fail(w as never, new PoolFull(this.capacity))
    }
    this._startOwner = { onTimeout }
    this._addOwner = { onTimeout }
  }

  /** Free slots now. */
  freeCount(): number {
    return this.capacity - this._used
  }

  /** True when every slot is taken. */
  override full(): boolean {
    return this._used >= this.capacity
  }

  /**
   * Waits until at least one slot is free (without taking it) and resolves to the
   * number of free slots; that may be 0 if `timeout` passed first.
   * @throws TypeError/RangeError for a bad `timeout`.
   */
  waitAvailable(opts?: { timeout?: number | null }): Promise<number> {
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    const free = this.freeCount()
    if (free > 0) return Promise.resolve(free)
    const list = (this._availableWaiters ??= new WaitList())
    return getHub()
      .wait<void>(AVAILABLE_OWNER, list, seconds, 'Pool.waitAvailable')
      .then(() => this.freeCount())
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
    if (this._tryReserve()) {
      this._fill(g)
      return Promise.resolve(g)
    }
    return getHub().wait<Greenlet<Awaited<R>>>(
      this._startOwner,
      this._slotWaiters,
      null,
      'Pool.spawn',
      g,
    )
  }

  /**
   * Adds an existing greenlet once a slot is free (it is not started). With
   * `blocking: false` on a full pool, or when `timeout` passes, rejects with {@link PoolFull}.
   * Already a member, or dead: resolves at once.
   * @throws TypeError for a non-greenlet; TypeError/RangeError for bad options.
   */
  add(greenlet: Greenlet, opts?: AddOptions): Promise<void> {
    return this._add(greenlet, opts, this._addOwner)
  }

  /**
   * Like {@link Pool.add}, then starts the greenlet (gevent's `Pool.start`).
   * @throws TypeError for a non-greenlet; TypeError/RangeError for bad options.
   */
  start(greenlet: Greenlet, opts?: AddOptions): Promise<void> {
    return this._add(greenlet, opts, this._startOwner)
  }

  /** @internal */
  override _tryReserve(): boolean {
    if (this._used >= this.capacity || this._slotWaiters.size > 0) return false
    this._used++
    return true
  }

  /** @internal */
  override _reserve(): Promise<unknown> | null {
    if (this._tryReserve()) return null
    return getHub().wait(this._startOwner, this._slotWaiters, null, 'Pool.spawn')
  }

  /** @internal */
  override _queueForSlot(w: Waiter): void {
    this._slotWaiters.push(w)
  }

  /** @internal */
  override _unreserve(): void {
    this._releaseSlot()
  }

  protected override _released(): void {
    this._releaseSlot()
  }

  protected _launch(fn: Function, args: unknown[]): Promise<Greenlet> {
    return this.spawn(fn as () => unknown, ...(args as []))
  }

  private _add(greenlet: Greenlet, opts: AddOptions | undefined, owner: WaitOwner): Promise<void> {
    checkGreenlet('greenlet', greenlet)
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    const start = owner === this._startOwner
    if (greenlet.dead || this._members.has(greenlet)) {
      if (start) greenlet.start()
      return RESOLVED
    }
    if (this._tryReserve()) {
      this._track(greenlet)
      if (start) greenlet.start()
      return RESOLVED
    }
    if (opts?.blocking === false) return Promise.reject(new PoolFull(this.capacity))
    return getHub().wait<void>(
      owner,
      this._slotWaiters,
      seconds,
      start ? 'Pool.start' : 'Pool.add',
      greenlet,
    )
  }

  /**
   * A member left or a reservation was given back: the slot goes straight to the
   * longest-waiting spawner (decided now, so a kill arriving later cannot lose it),
   * or becomes free.
   */
  private _releaseSlot(): void {
    const hub = getHub()
    const waiters = this._slotWaiters
    for (let w = waiters.shift(); w !== null; w = waiters.shift()) {
      if (w.owner === CLAIM) {
        ;(w.data as SlotClaim).slotGranted(w) // fills the slot now, or gives it back
        return
      }
      const g = w.data as Greenlet | undefined
      if (g === undefined) {
        hub.wake(w) // a reservation: it fills the slot itself
        return
      }
      const start = w.owner === this._startOwner
      if (g.dead || this._members.has(g)) {
        hub.wake(w, start ? g : undefined)
        continue
      }
      this._track(g)
      // wake before start: the spawner resumes before the new greenlet first runs (E66)
      hub.wake(w, start ? g : undefined)
      if (start) g.start()
      return
    }
    this._used--
    const available = this._availableWaiters
    if (available !== null) {
      for (let w = available.shift(); w !== null; w = available.shift()) hub.wake(w)
    }
  }
}

import { Greenlet, getHub } from '@strand/core'
import {
  type DeathObserver,
  markObserved,
  observeDeath,
  type Waiter,
  WaitList,
  type WaitOwner,
} from '@strand/core/internal'
import type { Scope } from './scope.js'
import type { SlotClaim, SlotOwner, SlotPolicy } from './slot-policy.js'

const JOIN_OWNER: WaitOwner = { onTimeout: (w) => getHub().wake(w, false) }
const RESOLVED_TRUE = Promise.resolve(true)

/**
 * The inside of a {@link BaseGroup}: its members, the slots they hold (through the
 * group's {@link SlotPolicy}) and the greenlets waiting for one. It hears of each
 * member's death. The feeder, the map runs and the scope of a group work on this object;
 * the group's public methods check their arguments and call it.
 */
export class Members implements DeathObserver {
  readonly set = new Set<Greenlet>()
  /** Members this group has shot already: each is killed at most once. */
  readonly dying = new Set<Greenlet>()
  /** Set while a {@link Group.scope} runs: hears of each death, members get observed. */
  scope: Scope | null = null
  private emptyWaiters: WaitList | null = null

  constructor(
    readonly slots: SlotPolicy,
    /** The group's class name, for labels: "Pool", "Group". */
    readonly name: string,
  ) {}

  /**
   * Makes `g` a member (in a slot already taken). An `observer` other than this hears
   * of the death instead, and must pass it on to {@link Members.notify} first: one link
   * per task instead of two (a map run's tasks).
   */
  track(g: Greenlet, observer: DeathObserver = this): void {
    this.set.add(g)
    observeDeath(g, observer)
    if (this.scope !== null) markObserved(g)
  }

  /** Tracks `g` in a slot already taken, and starts it. */
  fill(g: Greenlet, observer: DeathObserver = this): void {
    this.track(g, observer)
    g.start()
  }

  /** Starts `fn(...args)` as a member once a slot is free. */
  launch(fn: Function, args: unknown[]): Greenlet | Promise<Greenlet> {
    const g = new Greenlet(fn as never, ...args)
    if (this.slots.tryTake()) {
      this.fill(g)
      return g
    }
    return this.slots.wait<Greenlet>('spawn', null, `${this.name}.spawn`, g)
  }

  /** Takes a slot to fill later: null if taken now, else a promise that settles when it is. */
  reserve(label: string): Promise<unknown> | null {
    if (this.slots.tryTake()) return null
    return this.slots.wait('reserve', null, label)
  }

  /**
   * Gives a slot back (a member left, or a reservation was not filled): it goes to the
   * longest waiter in line that still wants it, or becomes free.
   */
  releaseSlot(): void {
    const slots = this.slots
    for (let w = slots.handOff(); w !== null; w = slots.handOff()) if (this.grant(w)) return
  }

  /** A member died (or a discarded one, passed on by a map run: ignored). */
  notify(g: Greenlet): void {
    if (this.remove(g) && this.scope !== null) this.scope.memberDied(g)
  }

  /** Forgets `g` and gives its slot back; false if it was not a member. */
  remove(g: Greenlet): boolean {
    if (!this.set.delete(g)) return false
    if (this.dying.size > 0) this.dying.delete(g) // usually empty: skip the hashing
    const waiters = this.emptyWaiters
    if (this.set.size === 0 && waiters !== null && waiters.size > 0) getHub().wakeAll(waiters, true)
    this.releaseSlot()
    return true
  }

  /** Resolves `true` once there is no member (at once if none), `false` after `seconds`. */
  waitEmpty(seconds: number | null): Promise<boolean> {
    if (this.set.size === 0) return RESOLVED_TRUE
    const list = (this.emptyWaiters ??= new WaitList())
    return getHub().wait<boolean>(JOIN_OWNER, list, seconds, `${this.name}.join`)
  }

  /**
   * Hands the slot just freed to `w` (off the line, still pending), as its kind asks.
   * False if `w` no longer needs it (its greenlet died or became a member meanwhile):
   * the slot goes on to the next in line.
   */
  private grant(w: Waiter): boolean {
    const kind = (w.owner as SlotOwner).kind
    if (kind === 'feed') {
      ;(w.data as SlotClaim).slotGranted(w) // fills the slot now, or gives it back
      return true
    }
    const hub = getHub()
    if (kind === 'reserve') {
      hub.wake(w) // the waiter fills the slot itself
      return true
    }
    const g = w.data as Greenlet
    const value = kind === 'spawn' ? g : undefined
    if (g.dead || this.set.has(g)) {
      hub.wake(w, value)
      return false
    }
    this.track(g)
    // wake before start: the spawner resumes before the new greenlet first runs
    hub.wake(w, value)
    if (kind !== 'add') g.start()
    return true
  }
}

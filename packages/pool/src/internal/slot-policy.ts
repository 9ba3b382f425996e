import type { Waiter, WaitOwner } from '@strand/core/internal'

/**
 * What a waiter in a group's line for a slot wants, carried by its owner (no object per
 * wait): `spawn` (`data`: a new greenlet to track, start and hand back), `add` (`data`:
 * a greenlet to track), `start` (`data`: a greenlet to track and start), `reserve` (no
 * data: the slot is held for the waiter, which fills it itself) and `feed` (`data`: a
 * {@link SlotClaim} that takes the slot synchronously).
 */
export type SlotKind = 'spawn' | 'add' | 'start' | 'reserve' | 'feed'

/** The owner of every waiter in line for a slot: its `kind` says what to do on its turn. */
export interface SlotOwner extends WaitOwner {
  readonly kind: SlotKind
}

/**
 * A parked waiter (owner {@link FEED_OWNER}, `data` the claim) that takes a slot
 * synchronously when its turn comes instead of being woken: an imap feeder fills the
 * slot at once, with no promise and no hub pass per item. `slotGranted` gets `w` off the
 * line and still pending; it must fill the slot or give it back.
 */
export interface SlotClaim {
  slotGranted(w: Waiter): void
}

/** The owner of a {@link SlotClaim}'s waiter. It never has a timeout of its own. */
export const FEED_OWNER: SlotOwner = { kind: 'feed', onTimeout: () => {} }

/**
 * How a group hands out slots: the one thing Group and Pool differ in. A Group's policy
 * never limits ({@link UnlimitedSlots}); a Pool's counts slots and keeps a first come,
 * first served line of claims ({@link CountedSlots}). Who gets a slot and what happens
 * then (tracking, starting, waking) is the group's part: see `Members.grant`.
 */
export interface SlotPolicy {
  /** True when no slot is free. */
  full(): boolean
  /** Takes a slot now if one is free and nobody waits in line for one. */
  tryTake(): boolean
  /** Parks the current greenlet in line for a slot. Only after `tryTake()` failed. */
  wait<T>(kind: SlotKind, seconds: number | null, label: string, data?: unknown): Promise<T>
  /** Puts a parked claim (owner {@link FEED_OWNER}) in line. Only after `tryTake()` failed. */
  enqueue(w: Waiter): void
  /**
   * A taken slot comes back. Returns the longest waiter in line, off the line and still
   * pending, to hand the slot to (decided now, so a kill arriving later cannot lose it);
   * or null once the slot is free.
   */
  handOff(): Waiter | null
}

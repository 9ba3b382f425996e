import type { Waiter, WaitOwner } from '@strand/core/internal'

/**
 * A parked waiter in a pool's line for a slot (owner {@link CLAIM}, `data` the claim)
 * that takes the slot synchronously when its turn comes, instead of being woken: an
 * imap feeder fills the slot at once, with no promise and no hub pass per item.
 * `slotGranted` gets `w` off the line and still pending; it must fill the slot or give
 * it back (`_unreserve`).
 */
export interface SlotClaim {
  slotGranted(w: Waiter): void
}

/** The owner that marks a waiter as a {@link SlotClaim}. It has no timeout. */
export const CLAIM: WaitOwner = { onTimeout: () => {} }

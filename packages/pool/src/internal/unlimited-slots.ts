import type { Waiter } from '@strand/core/internal'
import type { SlotPolicy } from './slot-policy.js'

/**
 * A Group's slot policy: a slot is always free, so nobody ever waits in line and a
 * member leaving gives nothing back. Stateless: every Group shares {@link UNLIMITED}.
 */
class UnlimitedSlots implements SlotPolicy {
  full(): boolean {
    return false
  }

  tryTake(): boolean {
    return true
  }

  wait<T>(): Promise<T> {
    throw new Error('Internal error: a Group never waits for a slot (tryTake() never fails)')
  }

  enqueue(_w: Waiter): void {
    throw new Error('Internal error: a Group never queues for a slot (tryTake() never fails)')
  }

  handOff(): Waiter | null {
    return null
  }
}

/** The slot policy of every Group. */
export const UNLIMITED: SlotPolicy = new UnlimitedSlots()

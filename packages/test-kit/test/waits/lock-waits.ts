import { BoundedSemaphore, Lock, NotOwnerError, RLock, Semaphore, ValueError } from '@strand/lock'
import { expect } from 'vitest'
import { type Blocked, type BlockingWait, waitersShown } from './contract.js'

const opts = (timeout: number | undefined) => (timeout === undefined ? undefined : { timeout })

/**
 * A one-unit semaphore whose unit the test holds: a waiter blocks in `acquire()` until the
 * test releases it. Every unit granted is released by its holder, so at the end the unit
 * is free again, exactly once.
 */
function heldSemaphore(make: () => Semaphore, label: string): () => Blocked {
  return () => {
    const sem = make()
    if (sem.counter !== 1) throw new Error('expected a one-unit semaphore')
    void sem.acquire({ blocking: false }) // taken at once: the counter is 0 now
    return {
      label,
      wait: (timeout) => sem.acquire(opts(timeout)),
      wake: () => sem.release(),
      waiting: () => waitersShown(sem),
      granted: (v) => v === true,
      giveBack: () => sem.release(),
      check: () => {
        expect(sem.counter).toBe(1) // the one unit: not lost, not doubled
        expect(sem.locked()).toBe(false)
      },
    }
  }
}

export const LOCK_WAITS: BlockingWait[] = [
  {
    name: 'Semaphore.acquire',
    ownTimeout: { resolves: false },
    make: heldSemaphore(() => new Semaphore(1), 'Semaphore.acquire'),
  },
  {
    name: 'BoundedSemaphore.acquire',
    ownTimeout: { resolves: false },
    overGrant: ValueError,
    make: heldSemaphore(() => new BoundedSemaphore(1), 'Semaphore.acquire'),
  },
  {
    name: 'Lock.acquire',
    ownTimeout: { resolves: false },
    overGrant: ValueError,
    make: heldSemaphore(() => new Lock(), 'Semaphore.acquire'),
  },
  {
    name: 'RLock.acquire',
    ownTimeout: { resolves: false },
    overGrant: NotOwnerError,
    make: () => {
      const lock = new RLock()
      void lock.acquire() // the test (the main greenlet) owns it
      return {
        label: 'RLock.acquire',
        wait: (timeout) => lock.acquire(opts(timeout)),
        wake: () => lock.release(),
        waiting: () => waitersShown(lock),
        granted: (v) => v === true,
        giveBack: () => lock.release(),
        check: async () => {
          expect(lock.locked()).toBe(false)
          expect(await lock.acquire({ blocking: false })).toBe(true)
          lock.release()
        },
      }
    },
  },
  {
    name: 'Semaphore.waitAvailable',
    ownTimeout: { resolves: 0 },
    broadcast: true,
    make: () => {
      const sem = new Semaphore(1)
      void sem.acquire({ blocking: false })
      return {
        label: 'Semaphore.waitAvailable',
        wait: (timeout) => sem.waitAvailable(opts(timeout)),
        wake: () => sem.release(),
        granted: (v) => v === 1,
        check: () => expect(sem.counter).toBe(1), // waiting for a unit takes none
      }
    },
  },
]

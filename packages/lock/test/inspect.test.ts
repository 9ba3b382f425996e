import { inspect } from 'node:util'
import { sleep, spawn } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { Lock, RLock, Semaphore } from '../src/index.js'

describe('util.inspect', () => {
  it('shows a Semaphore by counter and waiters', async () => {
    const sem = new Semaphore(1)
    await sem.acquire()
    const g = spawn(() => sem.acquire())
    await sleep(0)
    expect(inspect(sem)).toBe('Semaphore(counter 0, 1 waiter waiting)')
    sem.release()
    await g.join()
  })

  it('shows a Lock as locked or unlocked', async () => {
    const lock = new Lock()
    expect(inspect(lock)).toBe('Lock(unlocked, 0 waiters waiting)')
    await lock.acquire()
    expect(inspect(lock)).toBe('Lock(locked, 0 waiters waiting)')
  })

  it('shows an RLock by owner and depth', async () => {
    const lock = new RLock()
    const g = spawn(async () => {
      await lock.acquire()
      await lock.acquire()
      return inspect(lock)
    })
    g.name = 'worker-1'
    expect(await g.get()).toBe('RLock(held by "worker-1" ×2, 0 waiters waiting)')
  })
})

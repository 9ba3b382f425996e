import { getCurrent, joinAll, StrandError, sleep, spawn } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { BoundedSemaphore, Lock, NotOwnerError, RLock, ValueError } from '../src/index.js'

describe('BoundedSemaphore', () => {
  describe('release()', () => {
    it('throws ValueError past the initial value, changing nothing', async () => {
      const sem = new BoundedSemaphore(2)
      expect(() => sem.release()).toThrow(ValueError)
      await sem.acquire()
      sem.release()
      let err: unknown
      try {
        sem.release()
      } catch (e) {
        err = e
      }
      expect(err).toBeInstanceOf(RangeError)
      expect(StrandError.is(err)).toBe(true)
      expect((err as ValueError).code).toBe('ERR_RELEASED_TOO_MANY_TIMES')
      expect((err as Error).message).toMatch(/released too many times/)
      expect((err as Error).name).toBe('ValueError')
      expect(sem.counter).toBe(2)
    })

    it('refuses a second release while the unit it handed off waits for its new holder', async () => {
      const sem = new BoundedSemaphore(1)
      await sem.acquire()
      const holders: string[] = []
      const waiter = spawn(async () => {
        await sem.acquire()
        holders.push('waiter')
      })
      const other = spawn(async () => {
        await sem.acquire()
        holders.push('other')
      })
      await sleep(0)
      sem.release() // to `waiter`
      expect(() => sem.release()).toThrow(ValueError)
      await sleep(0)
      expect(holders).toEqual(['waiter'])
      void other.kill()
      await joinAll([waiter, other])
    })
  })
})

describe('Lock', () => {
  it('is locked inside run() and unlocked after', async () => {
    const lock = new Lock()
    await lock.run(() => expect(lock.locked()).toBe(true))
    expect(lock.locked()).toBe(false)
  })

  it('is not re-entrant: the holder waits until another greenlet releases it', async () => {
    const lock = new Lock()
    const out: string[] = []
    const holder = spawn(async () => {
      await lock.acquire()
      out.push('first')
      await lock.acquire()
      out.push('second')
    })
    await sleep(0.01)
    expect(out).toEqual(['first'])
    lock.release() // released by another greenlet: allowed for a Lock
    await holder.join()
    expect(out).toEqual(['first', 'second'])
  })

  it('throws ValueError when released unheld', () => {
    expect(() => new Lock().release()).toThrow(ValueError)
  })

  it('lets five blocked contenders all finish after one release', async () => {
    const lock = new Lock()
    await lock.acquire()
    const gs = Array.from({ length: 5 }, () =>
      spawn(async () => {
        await lock.acquire()
        lock.release()
      }),
    )
    await sleep(0)
    lock.release()
    expect((await joinAll(gs, { timeout: 1 })).length).toBe(5)
    expect(lock.locked()).toBe(false)
  })
})

describe('RLock', () => {
  describe('acquire()', () => {
    it('re-enters for the holder and needs as many releases', async () => {
      const lock = new RLock()
      expect(await lock.acquire()).toBe(true)
      expect(await lock.acquire()).toBe(true)
      lock.release()
      expect(lock.locked()).toBe(true)
      expect(await lock.acquire({ blocking: false })).toBe(true)
      lock.release()
      lock.release()
      expect(lock.locked()).toBe(false)
    })

    it('makes another greenlet wait, and time out', async () => {
      const lock = new RLock()
      await lock.acquire()
      const other = spawn(() => lock.acquire({ timeout: 0.01 }))
      expect(await other.get()).toBe(false)
      const nb = spawn(() => lock.acquire({ blocking: false }))
      expect(await nb.get()).toBe(false)
      lock.release()
    })

    it('passes ownership FIFO at the last release', async () => {
      const lock = new RLock()
      await lock.acquire()
      const out: string[] = []
      const gs = ['a', 'b'].map((name) =>
        spawn(async () => {
          await lock.acquire()
          out.push(`${name}:${lock.isOwned()}`)
          await sleep(0)
          lock.release()
        }),
      )
      await sleep(0)
      lock.release()
      expect(lock.locked()).toBe(true)
      expect(lock.isOwned()).toBe(false)
      await joinAll(gs)
      expect(out).toEqual(['a:true', 'b:true'])
      expect(lock.locked()).toBe(false)
    })
  })

  describe('release()', () => {
    it('throws NotOwnerError when unheld or held by another greenlet', async () => {
      const lock = new RLock()
      expect(() => lock.release()).toThrow(NotOwnerError)
      expect(() => lock.release()).toThrow(/not held/)
      await lock.acquire()
      const other = spawn(() => lock.release())
      await other.join()
      expect(other.exception).toBeInstanceOf(NotOwnerError)
      expect((other.exception as Error).message).toMatch(/another greenlet/)
      expect(lock.locked()).toBe(true)
      lock.release()
    })
  })

  describe('isOwned()', () => {
    it('is true only in the holder and only while held', async () => {
      const lock = new RLock()
      expect(lock.isOwned()).toBe(false)
      await lock.acquire()
      expect(lock.isOwned()).toBe(true)
      expect(await spawn(() => lock.isOwned()).get()).toBe(false)
      lock.release()
      expect(lock.isOwned()).toBe(false)
    })
  })

  describe('run() / hold()', () => {
    it('allows re-entrant run() calls inside run()', async () => {
      const lock = new RLock()
      const me = getCurrent()
      expect(await lock.run(() => lock.run(() => getCurrent() === me && lock.isOwned()))).toBe(true)
      expect(lock.locked()).toBe(false)
      {
        using _ = await lock.hold()
        expect(lock.isOwned()).toBe(true)
      }
      expect(lock.locked()).toBe(false)
    })
  })
})

import { inspect } from 'node:util'
import { getCurrent, sleep, spawn } from '@strand/core'
import { waitsOf } from '@strand/core/internal'
import { describe, expect, it } from 'vitest'
import { BoundedSemaphore, Lock, RLock, Semaphore } from '../src/index.js'

/** What the waiting greenlet's wait says about the lock: its name and who holds it. */
function seenBy(waiting: ReturnType<typeof spawn>): [string | undefined, unknown[] | undefined] {
  const resource = waitsOf(waiting)[0]?.list?.resource
  return [resource?.resourceName(), resource?.resourceHolders?.().slice()]
}

describe('lock names', () => {
  it('carry a name into util.inspect and toString', () => {
    expect(inspect(new Lock({ name: 'A' }))).toBe('Lock "A" (unlocked, 0 waiters waiting)')
    expect(inspect(new Semaphore(2, { name: 'db' }))).toBe(
      'Semaphore "db" (counter 2, 0 waiters waiting)',
    )
    expect(inspect(new RLock({ name: 'r' }))).toBe('RLock "r" (unheld, 0 waiters waiting)')
    expect(String(new BoundedSemaphore(1, { name: 'b' }))).toBe(
      '<BoundedSemaphore "b" counter=1, 0 waiter(s)>',
    )
    expect(new Lock({ name: 'A' }).name).toBe('A')
    expect(new Lock().name).toBeUndefined()
  })

  it('refuses a name that is not a string', () => {
    expect(() => new Lock({ name: 7 as never })).toThrow(
      new TypeError('Expected `name` to be a string, got `7` (number)'),
    )
    expect(() => new RLock(null as never)).toThrow(TypeError)
  })
})

describe('lock holders (for deadlock reports)', () => {
  it('tells a waiter which lock it waits on and who holds it', async () => {
    const lock = new Lock({ name: 'A' })
    const holder = spawn(async () => {
      await lock.acquire()
      await sleep(0.01)
      lock.release()
    })
    holder.name = 'holder'
    const waiter = spawn(() => lock.acquire())
    await sleep(0)
    expect(seenBy(waiter)).toEqual(['Lock "A"', [holder]])
    await holder.join()
    await waiter.join()
    // the unit went straight to the waiter, which still holds it
    const next = spawn(() => lock.acquire())
    await sleep(0)
    expect(seenBy(next)).toEqual(['Lock "A"', [waiter]])
    lock.release() // by main, which holds nothing: the longest holder gives it up
    await next.join()
    const last = spawn(() => lock.acquire())
    await sleep(0)
    expect(seenBy(last)).toEqual(['Lock "A"', [next]])
    await last.kill()
  })

  it('counts a semaphore holder once per unit, and main as null', async () => {
    const sem = new Semaphore(2, { name: 'pool' })
    await sem.acquire()
    const g = spawn(async () => {
      await sem.acquire()
      await sem.acquire()
    })
    await sleep(0)
    expect(g.dead).toBe(false)
    const waiter = spawn(() => sem.acquire())
    await sleep(0)
    expect(seenBy(waiter)).toEqual(['Semaphore "pool"', [null, g]])
    sem.release() // main gives back its own unit: g takes it, and ends holding both
    await g.join()
    expect(seenBy(waiter)).toEqual(['Semaphore "pool"', [g, g]])
    await waiter.kill()
  })

  it('names the owner of an RLock', async () => {
    const lock = new RLock({ name: 'r' })
    await lock.acquire()
    const waiter = spawn(() => lock.acquire())
    await sleep(0)
    expect(seenBy(waiter)).toEqual(['RLock "r"', [getCurrent()]])
    lock.release()
    await waiter.join()
  })
})

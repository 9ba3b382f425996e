import { joinAll, sleep, spawn, Timeout, wait } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { Permit, Semaphore } from '../src/index.js'

describe('Semaphore', () => {
  describe('constructor', () => {
    it('defaults to one unit: a second acquirer waits for release()', async () => {
      const sem = new Semaphore()
      expect(sem.counter).toBe(1)
      expect(await sem.acquire()).toBe(true)
      const out: string[] = []
      const g = spawn(async () => {
        await sem.acquire()
        out.push('second')
      })
      await sleep(0.01)
      expect(out).toEqual([])
      sem.release()
      await g.join()
      expect(out).toEqual(['second'])
    })

    it('rejects negative, fractional, NaN and non-number values', () => {
      expect(() => new Semaphore(-1)).toThrow(RangeError)
      expect(() => new Semaphore(-1)).toThrow(
        'Expected `value` to be an integer from 0 and up, got `-1` (number)',
      )
      expect(() => new Semaphore(1.5)).toThrow(RangeError)
      expect(() => new Semaphore(Number.NaN)).toThrow(RangeError)
      expect(() => new Semaphore('2' as never)).toThrow(TypeError)
      expect(() => new Semaphore(null as never)).toThrow(TypeError)
    })
  })

  describe('acquire()', () => {
    it('counts down, then misses without blocking or after its timeout', async () => {
      const sem = new Semaphore(2)
      expect([sem.counter, sem.locked()]).toEqual([2, false])
      expect(await sem.acquire({ blocking: false })).toBe(true)
      expect(await sem.acquire()).toBe(true)
      expect(sem.locked()).toBe(true)
      expect(await sem.acquire({ blocking: false })).toBe(false)
      const t0 = performance.now()
      expect(await sem.acquire({ timeout: 0.02 })).toBe(false)
      expect(performance.now() - t0).toBeGreaterThanOrEqual(15)
      sem.release()
      expect(await sem.acquire({ blocking: false })).toBe(true)
    })

    it('resolves false for Semaphore(0) with a timeout (gevent#39)', async () => {
      expect(await new Semaphore(0).acquire({ timeout: 0.01 })).toBe(false)
    })

    it('serves waiters first come, first served, after the releaser yields', async () => {
      const sem = new Semaphore(0)
      const out: unknown[] = []
      const gs = [0, 1, 2, 3].map((i) =>
        spawn(async () => {
          await sem.acquire()
          out.push(i)
        }),
      )
      await sleep(0)
      for (let i = 0; i < 4; i++) sem.release()
      out.push('released4')
      await joinAll(gs)
      expect(out).toEqual(['released4', 0, 1, 2, 3])
      expect(sem.counter).toBe(0)
    })

    it('wakes exactly one waiter per release', async () => {
      const sem = new Semaphore(0)
      const out: number[] = []
      const gs = [0, 1, 2].map((i) =>
        spawn(async () => {
          await sem.acquire()
          out.push(i)
        }),
      )
      await sleep(0)
      sem.release()
      await sleep(0.01)
      expect(out).toEqual([0])
      await joinAll(gs, { timeout: 0 })
      for (const g of gs) void g.kill()
    })

    it('hands a released unit to the queued waiter: a newcomer cannot barge in (by design)', async () => {
      const sem = new Semaphore(0)
      const out: string[] = []
      const a = spawn(async () => {
        await sem.acquire()
        out.push('A')
      })
      const b = spawn(async () => {
        await sem.acquire()
        out.push('B')
      })
      await sleep(0)
      sem.release()
      expect(sem.counter).toBe(0)
      expect(await sem.acquire({ blocking: false })).toBe(false)
      sem.release()
      await joinAll([a, b])
      expect(out).toEqual(['A', 'B'])
    })

    it('counts contended acquisitions exactly (lock_tests test_acquire_contended)', async () => {
      const sem = new Semaphore(7)
      await sem.acquire()
      const got: number[] = []
      let phase = 0
      const gs = Array.from({ length: 10 }, () =>
        spawn(async () => {
          await sem.acquire()
          got.push(phase)
          await sem.acquire()
          got.push(phase)
        }),
      )
      await sleep(0.01)
      expect(got.length).toBe(6)
      phase = 1
      for (let i = 0; i < 7; i++) sem.release()
      await sleep(0.01)
      expect(got.length).toBe(13)
      phase = 2
      for (let i = 0; i < 6; i++) sem.release()
      await sleep(0.01)
      expect(got.length).toBe(19)
      expect(await sem.acquire({ blocking: false })).toBe(false)
      for (const g of gs) void g.kill()
      await joinAll(gs)
    })

    it('lets exactly the free units go to non-blocking contenders', async () => {
      const sem = new Semaphore(4)
      await sem.acquire()
      const results: boolean[] = []
      const gs = Array.from({ length: 5 }, () =>
        spawn(async () => {
          results.push(await sem.acquire({ blocking: false }))
          results.push(await sem.acquire({ blocking: false }))
        }),
      )
      await joinAll(gs)
      expect(results.filter((r) => r).length).toBe(3)
      expect(results.filter((r) => !r).length).toBe(7)
    })

    it('keeps a queue moving fairly: a one-time contender gets its turn between re-acquirers (gevent#1487)', async () => {
      const sem = new Semaphore(1)
      let stop = false
      let rounds = 0
      const keepGoing = async (): Promise<void> => {
        while (!stop) {
          await sem.acquire()
          rounds++
          await sleep(0)
          sem.release()
        }
      }
      const k1 = spawn(keepGoing)
      const k2 = spawn(keepGoing)
      await sleep(0)
      const once = spawn(async () => {
        await sem.acquire()
        const at = rounds
        sem.release()
        return at
      })
      expect(await once.get({ timeout: 1 })).toBeLessThan(5)
      stop = true
      await joinAll([k1, k2], { timeout: 1 })
      expect(sem.counter).toBe(1)
    })

    it('rejects bad options synchronously', () => {
      const sem = new Semaphore()
      expect(() => sem.acquire({ timeout: -1 })).toThrow(RangeError)
      expect(() => sem.acquire({ timeout: Number.NaN })).toThrow(/`timeout`/)
      expect(() => sem.acquire({ blocking: 'no' as never })).toThrow(TypeError)
      expect(() => sem.acquire(3 as never)).toThrow(TypeError)
      expect(sem.counter).toBe(1)
    })
  })

  describe('release()', () => {
    it('may exceed the initial value on a plain Semaphore', async () => {
      const sem = new Semaphore(1)
      sem.release()
      expect(sem.counter).toBe(2)
      expect(await sem.acquire({ blocking: false })).toBe(true)
      expect(await sem.acquire({ blocking: false })).toBe(true)
      expect(await sem.acquire({ blocking: false })).toBe(false)
    })
  })

  describe('waitAvailable()', () => {
    it('resolves 0 after its timeout, and the counter without acquiring when free', async () => {
      const sem = new Semaphore(0)
      expect(await sem.waitAvailable({ timeout: 0.01 })).toBe(0)
      sem.release()
      expect(await sem.wait()).toBe(1)
      expect(sem.counter).toBe(1)
    })

    it('wakes when a unit becomes free, but not while acquirers take every unit', async () => {
      const sem = new Semaphore(0)
      const acquirer = spawn(() => sem.acquire())
      const watcher = spawn(() => sem.waitAvailable())
      await sleep(0)
      sem.release()
      await acquirer.join()
      expect(watcher.dead).toBe(false)
      sem.release()
      expect(await watcher.get({ timeout: 1 })).toBe(1)
    })
  })

  describe('run()', () => {
    it('holds a unit while fn runs and releases it after', async () => {
      const sem = new Semaphore(1)
      expect(await sem.run(() => sem.locked())).toBe(true)
      expect(sem.locked()).toBe(false)
    })

    it('releases when fn throws and nests on a two-unit semaphore', async () => {
      const sem = new Semaphore(2)
      const err = new Error('inside')
      await expect(
        sem.run(() =>
          sem.run(async () => {
            expect(await sem.acquire({ blocking: false })).toBe(false)
            throw err
          }),
        ),
      ).rejects.toBe(err)
      expect(sem.counter).toBe(2)
    })

    it('rejects with Timeout when the unit cannot be had', async () => {
      const sem = new Semaphore(0)
      await expect(sem.run(() => 1, { timeout: 0.01 })).rejects.toBeInstanceOf(Timeout)
      await expect(sem.run(() => 1, { blocking: false })).rejects.toBeInstanceOf(Timeout)
      expect(sem.counter).toBe(0)
    })

    it('releases when the greenlet is killed inside fn', async () => {
      const sem = new Semaphore(1)
      const g = spawn(() => sem.run(() => sleep(10)))
      await sleep(0.01)
      expect(sem.counter).toBe(0)
      await g.kill()
      expect(sem.counter).toBe(1)
    })

    it('rejects a non-function synchronously', () => {
      expect(() => new Semaphore().run(5 as never)).toThrow(TypeError)
    })
  })

  describe('hold()', () => {
    it('returns a Permit that releases once, also through await using', async () => {
      const sem = new Semaphore(1)
      {
        await using p = await sem.hold()
        expect(p).toBeInstanceOf(Permit)
        expect(sem.locked()).toBe(true)
      }
      expect(sem.counter).toBe(1)
      const p = await sem.hold()
      p.release()
      p.release()
      p[Symbol.dispose]()
      expect(sem.counter).toBe(1)
    })

    it('rejects with Timeout on a missed acquire', async () => {
      await expect(new Semaphore(0).hold({ timeout: 0.01 })).rejects.toBeInstanceOf(Timeout)
    })
  })

  describe('rawlink()', () => {
    it('fires both links added around two releases', async () => {
      const sem = new Semaphore(0)
      const out: string[] = []
      sem.rawlink(() => out.push('a'))
      sem.release()
      sem.rawlink(() => out.push('b'))
      sem.release()
      await sleep(0)
      expect(out.sort()).toEqual(['a', 'b'])
    })

    it('lets core wait() return an unacquired semaphore at once (gevent#1287)', async () => {
      const sem = new Semaphore()
      expect(await wait([sem])).toEqual([sem])
      await sem.acquire()
      expect(await wait([sem], { timeout: 0.01 })).toEqual([])
    })

    it('does not fire while the unit went to a queued acquirer', async () => {
      const sem = new Semaphore(0)
      let fired = 0
      sem.rawlink(() => fired++)
      const g = spawn(() => sem.acquire())
      await sleep(0)
      sem.release()
      await g.join()
      expect(fired).toBe(0)
      sem.release()
      await sleep(0)
      expect(fired).toBe(1)
    })
  })
})

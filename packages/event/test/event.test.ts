import {
  GreenletExit,
  getHub,
  joinAll,
  sleep,
  spawn,
  spawnLater,
  Timeout,
  wait,
  withTimeout,
} from '@strand/core'
import { describe, expect, it } from 'vitest'
import { Event } from '../src/index.js'

describe('Event', () => {
  describe('set() / clear() / isSet()', () => {
    it('toggles the flag, idempotently', () => {
      const ev = new Event()
      expect(ev.isSet()).toBe(false)
      ev.set()
      ev.set()
      expect(ev.isSet()).toBe(true)
      expect(ev.ready()).toBe(true)
      ev.clear()
      ev.clear()
      expect(ev.isSet()).toBe(false)
      expect(ev.ready()).toBe(false)
    })

    it('never switches: the setter keeps running, then waiters wake in wait order (E7)', async () => {
      const ev = new Event()
      const out: unknown[] = []
      const gs = [0, 1, 2, 3, 4].map((i) => spawn(async () => out.push([i, await ev.wait()])))
      await sleep(0)
      out.push('before-set')
      ev.set()
      out.push('after-set')
      await joinAll(gs)
      expect(out).toEqual([
        'before-set',
        'after-set',
        [0, true],
        [1, true],
        [2, true],
        [3, true],
        [4, true],
      ])
    })

    it('runs waiters before a greenlet spawned after set(), and after one spawned before (E92)', async () => {
      for (const setFirst of [true, false]) {
        const ev = new Event()
        const out: string[] = []
        const w = spawn(async () => {
          await ev.wait()
          out.push('waiter')
        })
        await sleep(0)
        if (setFirst) ev.set()
        const s = spawn(() => out.push('spawned'))
        if (!setFirst) ev.set()
        await joinAll([w, s])
        expect(out).toEqual(setFirst ? ['waiter', 'spawned'] : ['spawned', 'waiter'])
      }
    })
  })

  describe('wait()', () => {
    it('resolves false after the timeout on an unset event (E8, G1)', async () => {
      const t0 = performance.now()
      expect(await new Event().wait({ timeout: 0.05 })).toBe(false)
      const elapsed = performance.now() - t0
      expect(elapsed).toBeGreaterThanOrEqual(40)
      expect(elapsed).toBeLessThan(1000)
    })

    it('resolves false for timeout 0 on an unset event', async () => {
      expect(await new Event().wait({ timeout: 0 })).toBe(false)
    })

    it('resolves true at once without switching when already set (E124)', async () => {
      const ev = new Event()
      ev.set()
      let seen: boolean | undefined
      void ev.wait().then((v) => {
        seen = v
      })
      await Promise.resolve()
      expect(seen).toBe(true)
      expect(await ev.wait({ timeout: 1 })).toBe(true)
    })

    it('returns true to every parked waiter even when clear() follows set() at once (E9, #53)', async () => {
      for (const n of [1, 100, 1000]) {
        const ev = new Event()
        const gs = Array.from({ length: n }, () => spawn(() => ev.wait()))
        await sleep(0)
        ev.set()
        ev.clear()
        const done = await joinAll(gs, { timeout: 5 })
        expect(done.length).toBe(n)
        expect(await Promise.all(gs.map((g) => g.get()))).toEqual(Array(n).fill(true))
      }
    })

    it('queues a waiter that arrives during a wake-up round behind that round (gevent#1520, E10)', async () => {
      const ev = new Event()
      const order: number[] = []
      const a = spawn(async () => {
        await ev.wait()
        order.push(1)
      })
      const b = spawn(async () => {
        await ev.wait()
        order.push(2)
      })
      await sleep(0)
      const c = spawn(async () => {
        ev.set()
        await ev.wait()
        order.push(3)
      })
      await joinAll([a, b, c])
      expect(order).toEqual([1, 2, 3])
    })

    it('is interrupted by kill() and leaves no waiter behind', async () => {
      const ev = new Event()
      const g = spawn(() => ev.wait())
      await sleep(0)
      expect(String(ev)).toContain('1 waiter')
      await g.kill()
      expect(g.value).toBeInstanceOf(GreenletExit)
      expect(String(ev)).toContain('0 waiter')
      expect(getHub().stats().timers).toBe(0)
    })

    it('is interrupted by a Timeout around it', async () => {
      const ev = new Event()
      expect(await withTimeout(0.01, () => ev.wait(), { timeoutValue: 'late' })).toBe('late')
      expect(String(ev)).toContain('0 waiter')
    })

    it('raises an outer Timeout instead of swallowing it in its own timeout (G5)', async () => {
      const t = Timeout.startNew(0.01)
      try {
        await expect(new Event().wait({ timeout: 1 })).rejects.toBe(t)
      } finally {
        t.cancel()
      }
    })

    it('hands true to a waiter killed in the same turn as set(); the kill lands at its next wait', async () => {
      const ev = new Event()
      const out: unknown[] = []
      const g = spawn(async () => {
        out.push(await ev.wait())
        await sleep(1)
        out.push('not reached')
      })
      await sleep(0)
      ev.set()
      void g.kill()
      await g.join()
      expect(out).toEqual([true])
      expect(g.value).toBeInstanceOf(GreenletExit)
    })

    it('rejects bad timeouts synchronously', () => {
      const ev = new Event()
      expect(() => ev.wait({ timeout: -1 })).toThrow(RangeError)
      expect(() => ev.wait({ timeout: Number.NaN })).toThrow(/`timeout`/)
      expect(() => ev.wait({ timeout: '1' as never })).toThrow(TypeError)
      expect(() => ev.wait(5 as never)).toThrow(TypeError)
    })
  })

  describe('rawlink()', () => {
    it('calls the callback once from the hub after set(), not inside it (E116)', async () => {
      const ev = new Event()
      const calls: unknown[] = []
      ev.rawlink((w) => calls.push(w))
      ev.set()
      expect(calls).toEqual([])
      await sleep(0)
      expect(calls).toEqual([ev])
      ev.clear()
      ev.set()
      await sleep(0)
      expect(calls.length).toBe(1)
    })

    it('calls a callback linked to an already set event', async () => {
      const ev = new Event()
      ev.set()
      let called = 0
      ev.rawlink(() => called++)
      await sleep(0)
      expect(called).toBe(1)
    })

    it('does not call an unlinked callback, and ignores unknown ones', async () => {
      const ev = new Event()
      const cb = (): void => {
        throw new Error('unlinked callback ran')
      }
      ev.rawlink(cb)
      ev.unlink(cb)
      ev.unlink(null as never)
      ev.unlink(null as never)
      ev.set()
      await sleep(0)
    })

    it('rejects a non-function', () => {
      expect(() => new Event().rawlink(null as never)).toThrow(TypeError)
    })
  })

  describe('with core wait()', () => {
    it('returns a set event at once, twice in a row (#56)', async () => {
      const ev = new Event()
      ev.set()
      expect(await wait([ev])).toEqual([ev])
      expect(await wait([ev])).toEqual([ev])
    })

    it('returns the event once a later set() runs, and nothing on timeout (G1)', async () => {
      const ev = new Event()
      expect(await wait([ev], { timeout: 0.02 })).toEqual([])
      spawnLater(0.01, () => ev.set())
      expect(await wait([ev], { timeout: 2 })).toEqual([ev])
    })

    it('does not report an event that was set and cleared before it looked (issue 771)', async () => {
      const ev = new Event()
      const waiter = spawn(async () => {
        const setter = spawn(() => ev.set())
        await ev.wait()
        await setter.join()
        ev.clear()
      })
      await waiter.join()
      expect(await wait([ev], { timeout: 0.01 })).toEqual([])
      expect(ev.ready()).toBe(false)
    })
  })
})

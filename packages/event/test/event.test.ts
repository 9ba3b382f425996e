import { joinAll, sleep, spawn, spawnLater, wait } from '@strand/core'
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

    it('never switches: the setter keeps running, then waiters wake in wait order ', async () => {
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

    it('runs waiters before a greenlet spawned after set(), and after one spawned before', async () => {
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
    it('resolves false for timeout 0 on an unset event', async () => {
      expect(await new Event().wait({ timeout: 0 })).toBe(false)
    })

    it('resolves true at once without switching when already set', async () => {
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

    it('returns true to every parked waiter even when clear() follows set() at once', async () => {
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

    it('queues a waiter that arrives during a wake-up round behind that round (gevent#1520)', async () => {
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

    it('rejects bad timeouts synchronously', () => {
      const ev = new Event()
      expect(() => ev.wait({ timeout: -1 })).toThrow(RangeError)
      expect(() => ev.wait({ timeout: Number.NaN })).toThrow(/`timeout`/)
      expect(() => ev.wait({ timeout: '1' as never })).toThrow(TypeError)
      expect(() => ev.wait(5 as never)).toThrow(TypeError)
    })
  })

  describe('rawlink()', () => {
    it('calls the callback once from the hub after set(), not inside it', async () => {
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
    it('returns a set event at once, twice in a row', async () => {
      const ev = new Event()
      ev.set()
      expect(await wait([ev])).toEqual([ev])
      expect(await wait([ev])).toEqual([ev])
    })

    it('returns the event once a later set() runs, and nothing on timeout', async () => {
      const ev = new Event()
      expect(await wait([ev], { timeout: 0.02 })).toEqual([])
      spawnLater(0.01, () => ev.set())
      expect(await wait([ev], { timeout: 2 })).toEqual([ev])
    })

    it('does not report an event that was set and cleared before it looked (gevent#771)', async () => {
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

import { joinAll, sleep, spawn, Timeout, wait } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { AsyncResult } from '../src/index.js'

class MyError extends Error {}

describe('AsyncResult', () => {
  it('starts unset', () => {
    const r = new AsyncResult()
    expect([r.ready(), r.successful(), r.value, r.exception]).toEqual([
      false,
      false,
      undefined,
      undefined,
    ])
  })

  it('is not thenable, so awaiting it does not wait', () => {
    expect('then' in new AsyncResult()).toBe(false)
  })

  describe('set()', () => {
    it('stores the value for get(), wait(), getNowait() and value', async () => {
      const r = new AsyncResult<number>()
      r.set(5)
      expect([r.ready(), r.successful(), r.value, r.getNowait()]).toEqual([true, true, 5, 5])
      expect(await r.get()).toBe(5)
      expect(await r.wait()).toBe(5)
    })

    it('replaces the outcome when called again (the later call wins)', async () => {
      const r = new AsyncResult<number>()
      r.set(5)
      r.set(6)
      expect(await r.get()).toBe(6)
      r.setException(new MyError('x'))
      expect(r.successful()).toBe(false)
      expect(r.value).toBeUndefined()
      await expect(r.get()).rejects.toBeInstanceOf(MyError)
      r.set(7)
      expect([r.successful(), r.exception, await r.get()]).toEqual([true, undefined, 7])
    })

    it('wakes get() waiters in the order they waited, after the setter yields', async () => {
      const r = new AsyncResult<string>()
      const out: unknown[] = []
      const gs = [0, 1, 2, 3].map((i) => spawn(async () => out.push([i, await r.get()])))
      await sleep(0)
      r.set('v')
      out.push('setter-continues')
      await joinAll(gs)
      expect(out).toEqual(['setter-continues', [0, 'v'], [1, 'v'], [2, 'v'], [3, 'v']])
    })

    it('wakes get() and wait() waiters together, in arrival order', async () => {
      const r = new AsyncResult<string>()
      const out: unknown[] = []
      const a = spawn(async () => out.push(['get', await r.get()]))
      const b = spawn(async () => out.push(['wait', await r.wait()]))
      await sleep(0)
      r.set('x')
      await joinAll([a, b])
      expect(out).toEqual([
        ['get', 'x'],
        ['wait', 'x'],
      ])
    })
  })

  describe('setException()', () => {
    it('makes get() reject with the same object and wait() resolve undefined', async () => {
      const r = new AsyncResult()
      const err = new MyError('k')
      r.setException(err)
      expect([r.ready(), r.successful(), r.value, r.exception]).toEqual([
        true,
        false,
        undefined,
        err,
      ])
      expect(await r.wait()).toBeUndefined()
      await expect(r.get()).rejects.toBe(err)
      expect(() => r.getNowait()).toThrow(err)
    })

    it('wakes a greenlet blocked in get(), which rethrows it', async () => {
      const r = new AsyncResult()
      const err = new MyError('boom')
      const g = spawn(() => r.get())
      await sleep(0)
      r.setException(err)
      await g.join()
      expect(g.exception).toBe(err)
    })
  })

  describe('get()', () => {
    it('rejects with Timeout at once with block: false, and getNowait() throws it', async () => {
      const r = new AsyncResult()
      await expect(r.get({ block: false })).rejects.toBeInstanceOf(Timeout)
      expect(() => r.getNowait()).toThrow(Timeout)
    })

    it('rejects after its own timeout with a Timeout that carries those seconds', async () => {
      const t0 = performance.now()
      const err = await new AsyncResult().get({ timeout: 0.02 }).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(Timeout)
      expect((err as Timeout).seconds).toBe(0.02)
      expect(performance.now() - t0).toBeGreaterThanOrEqual(15)
    })

    it('raises the custom exception of an outer Timeout that fires first', async () => {
      const r = new AsyncResult()
      const exc = new MyError('outer')
      const t = Timeout.startNew(0, exc)
      try {
        await expect(r.get()).rejects.toBe(exc)
      } finally {
        t.cancel()
      }
    })

    it('rejects bad options synchronously', () => {
      const r = new AsyncResult()
      expect(() => r.get({ timeout: -0.5 })).toThrow(RangeError)
      expect(() => r.get('x' as never)).toThrow(TypeError)
    })
  })

  describe('callback()', () => {
    it('settles it Node-style: a value, or the error', async () => {
      const ok = new AsyncResult<number>()
      ok.callback()(null, 3)
      expect(await ok.get()).toBe(3)
      const bad = new AsyncResult<number>()
      const err = new MyError('io')
      bad.callback()(err)
      await expect(bad.get()).rejects.toBe(err)
    })

    it('works with a real Node callback API', async () => {
      const { readFile } = await import('node:fs')
      const r = new AsyncResult<Buffer>()
      readFile(new URL('../package.json', import.meta.url), r.callback())
      expect(JSON.parse(String(await r.get())).name).toBe('@strand/event')
    })
  })

  describe('settleFrom()', () => {
    it('takes the value of a greenlet that succeeded', async () => {
      const r = new AsyncResult<number>()
      const g = spawn(() => 42)
      g.link((g) => r.settleFrom(g))
      expect(await r.get({ timeout: 1 })).toBe(42)
    })

    it('takes the exception of a greenlet that failed', async () => {
      const r = new AsyncResult()
      const err = new MyError('zero')
      const g = spawn(() => {
        throw err
      })
      g.linkException((g) => r.settleFrom(g))
      await expect(r.get({ timeout: 1 })).rejects.toBe(err)
    })
  })

  describe('rawlink()', () => {
    it('rejects null and ignores unlink(null)', () => {
      const r = new AsyncResult()
      expect(() => r.rawlink(null as never)).toThrow(TypeError)
      r.unlink(null as never)
      r.unlink(null as never)
    })

    it('lets core wait() see it become ready', async () => {
      const r = new AsyncResult()
      expect(await wait([r], { timeout: 0.01 })).toEqual([])
      spawn(() => r.set(1))
      expect(await wait([r], { timeout: 1 })).toEqual([r])
    })
  })
})

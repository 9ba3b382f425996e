import { Greenlet, GreenletExit, sleep, spawn, Timeout } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { Group, Pool, PoolFull } from '../src/index.js'
import { captureReports, meter, sqr } from './helpers.js'

const reported = captureReports()

describe('Pool', () => {
  describe('constructor', () => {
    it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
      'rejects size %s with a RangeError',
      (size) => {
        expect(() => new Pool(size)).toThrow(RangeError)
        expect(() => new Pool(size)).toThrow(/`size`/)
      },
    )

    it.each([undefined, '2', null])('rejects size %s with a TypeError', (size) => {
      expect(() => new Pool(size as never)).toThrow(TypeError)
    })

    it('exposes the capacity and starts empty', () => {
      const pool = new Pool(3)
      expect(pool.capacity).toBe(3)
      expect(pool.size).toBe(0)
      expect(pool.freeCount()).toBe(3)
      expect(pool.full()).toBe(false)
    })
  })

  describe('spawn()', () => {
    it('takes a slot before the greenlet starts and holds the spawner back when full', async () => {
      const pool = new Pool(2)
      const log: string[] = []
      const job = async (i: number, s: number) => {
        log.push(`start${i}`)
        await sleep(s)
        log.push(`end${i}`)
      }
      const free: number[] = []
      for (const [i, s] of [
        [0, 0.5],
        [1, 0.02],
        [2, 0.01],
      ] as const) {
        await pool.spawn(job, i, s)
        log.push(`spawned${i}`)
        free.push(pool.freeCount())
      }
      expect(free).toEqual([1, 0, 0])
      // the third spawn returned only once job 1 had ended, and before job 2 started
      expect(log.indexOf('spawned2')).toBeGreaterThan(log.indexOf('end1'))
      expect(log).not.toContain('start2')
      expect(log).not.toContain('end0')
      expect(await pool.join()).toBe(true)
      expect(pool.freeCount()).toBe(2)
    })

    it('never runs more than size greenlets at once', async () => {
      const pool = new Pool(4)
      const m = meter()
      for (let i = 0; i < 60; i++) await pool.spawn(m.task, i)
      await pool.join()
      expect(m.peak).toBe(4)
    })

    it('serves waiting spawners first come, first served', async () => {
      const pool = new Pool(1)
      const order: number[] = []
      await pool.spawn(() => sleep(0.01))
      const spawners = [1, 2, 3].map((i) =>
        spawn(async () => {
          await pool.spawn(() => order.push(i))
        }),
      )
      for (const s of spawners) await s.join()
      await pool.join()
      expect(order).toEqual([1, 2, 3])
    })

    it('frees the slot of a task that fails', async () => {
      const pool = new Pool(1)
      await pool.spawn(() => {
        throw new Error('boom')
      })
      await sleep(0)
      expect(pool.freeCount()).toBe(1)
      await sleep(0)
      expect(reported).toHaveLength(1) // reported once, not swallowed
    })

    it('throws a TypeError synchronously for a non-function', () => {
      expect(() => new Pool(1).spawn(42 as never)).toThrow(TypeError)
    })
  })

  describe('freeCount() and applyAsync()', () => {
    it('counts slots and returns an untracked greenlet on a full pool without running anything', async () => {
      const pool = new Pool(2)
      const results: number[] = []
      const g = await pool.spawn(sqr, 1)
      expect(pool.freeCount()).toBe(1)
      await g.join()
      await sleep(0)
      expect(pool.freeCount()).toBe(2)
      const a = pool.applyAsync(sqr, [2], (r) => results.push(r))
      expect(pool.freeCount()).toBe(1)
      const b = pool.applyAsync(sqr, [3], (r) => results.push(r))
      expect(pool.freeCount()).toBe(0)
      const c = pool.applyAsync(sqr, [4], (r) => results.push(r))
      expect(pool.has(c)).toBe(false)
      expect(pool.size).toBe(2)
      expect(results).toEqual([])
      expect([await a.get(), await b.get(), await c.get()]).toEqual([4, 9, 16])
      await sleep(0.01)
      expect(results.sort((x, y) => x - y)).toEqual([4, 9, 16])
    })

    it('runs the callback only on success, after the result', async () => {
      const pool = new Pool(2)
      const seen: number[] = []
      const g = pool.applyAsync(sqr, [7, 0.01], (r) => seen.push(r))
      expect(await g.get()).toBe(49)
      await sleep(0)
      expect(seen).toEqual([49])
      const bad = pool.applyAsync(
        () => {
          throw new Error('no')
        },
        [],
        () => seen.push(-1),
      )
      await expect(bad.get()).rejects.toThrow('no')
      await sleep(0)
      expect(seen).toEqual([49])
    })

    it('lets get() time out on a slow task', async () => {
      const g = new Pool(2).applyAsync(sqr, [7, 0.2])
      await expect(g.get({ timeout: 0.02 })).rejects.toBeInstanceOf(Timeout)
      await g.kill()
    })
  })

  describe('apply()', () => {
    it('returns the value and rethrows the exception', async () => {
      const pool = new Pool(1)
      expect(await pool.apply((a: number) => ['foo', a], [1])).toEqual(['foo', 1])
      await expect(
        pool.apply(() => {
          throw new RangeError('bad')
        }),
      ).rejects.toThrow(RangeError)
    })

    it('runs inline when called from a member, so a full pool cannot deadlock on itself', async () => {
      const pool = new Pool(1)
      const inc = (a: number) => a + 1
      expect(await pool.apply(pool.apply.bind(pool), [inc, [5]] as never)).toBe(6)
    })

    it.each([1, 2, 3, 10])('squares with Pool(%i), in input order for map()', async (size) => {
      const pool = new Pool(size)
      expect(await pool.apply(sqr, [5])).toBe(25)
      const items = Array.from({ length: 100 }, (_, i) => i)
      expect(await pool.map(sqr, items)).toEqual(items.map((x) => x * x))
    })

    it('rejects bad arguments synchronously', () => {
      const pool = new Pool(1)
      expect(() => pool.apply(null as never)).toThrow(TypeError)
      expect(() => pool.apply(sqr, 5 as never)).toThrow(/`args`/)
      expect(() => pool.applyAsync(sqr, [1], 'cb' as never)).toThrow(/`callback`/)
    })
  })

  describe('add() and start()', () => {
    it('rejects with PoolFull when not blocking or after its timeout', async () => {
      const pool = new Pool(1)
      await pool.spawn(() => sleep(0.2))
      await expect(pool.add(new Greenlet(() => 1), { blocking: false })).rejects.toBeInstanceOf(
        PoolFull,
      )
      await expect(pool.add(new Greenlet(() => 1), { timeout: 0.01 })).rejects.toBeInstanceOf(
        PoolFull,
      )
      const err = await pool.start(new Greenlet(() => 1), { timeout: 0.01 }).catch((e) => e)
      expect(err).toBeInstanceOf(PoolFull)
      expect((err as PoolFull).code).toBe('ERR_POOL_FULL')
      expect(pool.size).toBe(1)
      await pool.kill()
    })

    it('start() adds and starts once a slot is free', async () => {
      const pool = new Pool(1)
      const first = await pool.spawn(() => sleep(0.01))
      const g = new Greenlet(() => 'ran')
      await pool.start(g)
      expect(first.dead).toBe(true)
      expect(await g.get()).toBe('ran')
    })

    it('rejects a non-greenlet', () => {
      expect(() => new Pool(1).add({} as never)).toThrow(TypeError)
    })
  })

  describe('discard()', () => {
    it('frees the slot although the greenlet still runs', async () => {
      const pool = new Pool(1)
      const g = await pool.spawn(() => sleep(0.05))
      pool.discard(g)
      expect(pool.size).toBe(0)
      expect(pool.freeCount()).toBe(1)
      expect(g.dead).toBe(false)
      await g.join()
      expect(pool.freeCount()).toBe(1)
    })
  })

  describe('waitAvailable()', () => {
    it('resolves with the free slots once one frees up, or 0 after its timeout', async () => {
      const pool = new Pool(1)
      expect(await pool.waitAvailable()).toBe(1)
      await pool.spawn(() => sleep(0.03))
      expect(pool.full()).toBe(true)
      expect(await pool.waitAvailable({ timeout: 0.005 })).toBe(0)
      expect(await pool.waitAvailable()).toBe(1)
      expect(() => pool.waitAvailable({ timeout: -1 })).toThrow(RangeError)
    })
  })

  describe('join()', () => {
    it('returns false on timeout and true once empty', async () => {
      const pool = new Pool(1)
      await pool.spawn(() => sleep(0.05))
      expect(pool.size).toBe(1)
      const second = spawn(() => pool.spawn(() => sleep(0.01)))
      await sleep(0.005)
      expect(pool.size).toBe(1)
      expect(await pool.join({ timeout: 0.005 })).toBe(false)
      await second.join()
      expect(await pool.join()).toBe(true)
      expect(pool.size).toBe(0)
    })
  })

  describe('kill()', () => {
    it('stops a running map quickly', async () => {
      const pool = new Pool(4)
      const mapping = spawn(() => pool.map((s: number) => sleep(s), Array(40).fill(0.05)))
      await sleep(0.06)
      const t0 = performance.now()
      await pool.kill()
      expect(performance.now() - t0).toBeLessThan(200)
      expect(pool.size).toBe(0)
      await mapping.join()
      expect(mapping.value).toBeInstanceOf(GreenletExit) // the map saw its tasks killed
    })

    it('is what [Symbol.asyncDispose] does', async () => {
      const pool = new Pool(2)
      const g = await pool.spawn(() => sleep(10))
      await pool[Symbol.asyncDispose]()
      expect(g.dead).toBe(true)
    })
  })

  it('shares the Group mapping surface', async () => {
    expect(await new Group().map(sqr, [1, 2, 3])).toEqual([1, 4, 9])
  })
})

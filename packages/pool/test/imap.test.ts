import { GreenletExit, sleep, spawn, Timeout, withTimeout } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { Group, Pool } from '../src/index.js'
import { meter, sqr } from './helpers.js'

const range = (n: number) => Array.from({ length: n }, (_, i) => i)

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const x of it) out.push(x)
  return out
}

const snooze = async (ms: number) => {
  await sleep(ms / 1000)
  return ms
}

const divideBy = (x: number) => {
  if (x === 0) throw new RangeError('division by zero')
  return 1 / x
}

describe('Pool', () => {
  describe('imap()', () => {
    it('yields in input order with random task times, and stays done after the end', async () => {
      const pool = new Pool(10)
      const m = meter()
      const it = pool.imap((x: number) => m.task(x * x, Math.random() * 0.002), range(300))
      expect(await all(it)).toEqual(range(300).map((x) => x * x))
      expect(await it.next()).toEqual({ done: true, value: undefined })
      expect(m.peak).toBeLessThanOrEqual(10)
    })

    it('yields input order where imapUnordered yields completion order', async () => {
      const pool = new Pool(3)
      expect(await all(pool.imap(snooze, [30, 10, 20]))).toEqual([30, 10, 20])
      expect(await all(pool.imapUnordered(snooze, [30, 10, 20]))).toEqual([10, 20, 30])
      expect(await pool.map(snooze, [30, 10, 20])).toEqual([30, 10, 20])
    })

    it('throws a task failure at its position, after the results before it', async () => {
      const seen: unknown[] = []
      const it = new Pool(1).imap(divideBy, [1, 0, 2])
      await expect(
        (async () => {
          for await (const x of it) seen.push(x)
        })(),
      ).rejects.toThrow('division by zero')
      expect(seen).toEqual([1])
      // the failure ends the run (for await does not call return() after a throw)
      expect(await it.next()).toEqual({ done: true, value: undefined })
    })

    it('accepts an async iterable that ends late', async () => {
      async function* late() {
        yield 1
        await sleep(0.02)
        yield 2
        await sleep(0.02)
      }
      const pool = new Pool(2)
      expect(await all(pool.imap(sqr, late()))).toEqual([1, 4])
      expect(await all(pool.imapUnordered(sqr, late()))).toEqual([1, 4])
    })

    it('accepts a generator that waits after its last item', async () => {
      function* gen() {
        yield 0
        yield 1
        yield 2
      }
      async function* slowEnd() {
        yield* gen()
        await sleep(0.02)
      }
      expect(await all(new Pool(2).imap(sqr, gen()))).toEqual([0, 1, 4])
      expect(await all(new Pool(2).imapUnordered(sqr, slowEnd()))).toEqual([0, 1, 4])
    })
  })

  describe('imapUnordered()', () => {
    it('yields every result of many random-time tasks within the bound', async () => {
      const pool = new Pool(7)
      const m = meter()
      const out = await all(pool.imapUnordered((x: number) => m.task(x), range(300)))
      expect(out.sort((a, b) => a - b)).toEqual(range(300))
      expect(m.peak).toBe(7)
    })

    it('is completion order with Pool(3) and input order with Pool(1)', async () => {
      const input = [100, 10, 20]
      expect(await all(new Pool(3).imapUnordered(snooze, input))).toEqual([10, 20, 100])
      expect(await all(new Pool(1).imapUnordered(snooze, input))).toEqual([100, 10, 20])
    })

    it('gives the same order every run', async () => {
      const echo = async (x: number) => x
      const runs: number[][] = []
      for (let i = 0; i < 4; i++) runs.push(await all(new Pool(10).imapUnordered(echo, range(10))))
      for (const run of runs) expect(run).toEqual(runs[0])
      expect(runs[0]).toEqual(range(10))
    })

    it('throws a task failure when it happens', async () => {
      const seen: unknown[] = []
      const err = await (async () => {
        for await (const x of new Pool(1).imapUnordered(divideBy, [1, 0, 2])) seen.push(x)
      })().catch((e) => e)
      expect(err).toBeInstanceOf(RangeError)
      expect(seen).toEqual([1])
    })
  })

  describe('maxsize', () => {
    it('bounds the tasks started but not yet consumed, for a slow reader', async () => {
      for (const ordered of [true, false]) {
        let started = 0
        const task = async (x: number) => {
          started++
          return x
        }
        const pool = new Pool(4)
        const it = ordered
          ? pool.imap(task, range(20), { maxsize: 1 })
          : pool.imapUnordered(task, range(20), { maxsize: 1 })
        let i = 0
        for await (const x of it) {
          expect(x).toBe(i)
          expect(started).toBeLessThanOrEqual(i + 2)
          await sleep(0.001)
          i++
        }
        expect(i).toBe(20)
      }
    })

    it('still yields everything', async () => {
      expect(await all(new Pool(3).imapUnordered(sqr, range(10), { maxsize: 1 }))).toEqual(
        range(10).map((x) => x * x),
      )
    })

    it.each([-1, 1.5, Number.NaN])('rejects maxsize %s with a RangeError', (maxsize) => {
      expect(() => new Pool(1).imap(sqr, [1], { maxsize })).toThrow(/`maxsize`/)
    })
  })

  describe('leaving the loop early', () => {
    it('stops an endless generator, kills what is in flight and runs the finally blocks', async () => {
      let pulled = 0
      let generatorClosed = false
      async function* endless() {
        try {
          for (let i = 0; ; i++) {
            pulled++
            yield i
          }
        } finally {
          generatorClosed = true
        }
      }
      let killed = 0
      const work = async (x: number) => {
        try {
          await sleep(x < 45 ? 0.001 * (x % 3) : 10) // from x = 45 on, still in flight at the break
          return x
        } catch (err) {
          if (err instanceof GreenletExit) killed++
          throw err
        }
      }
      const pool = new Pool(5)
      const got: number[] = []
      for await (const x of pool.imapUnordered(work, endless())) {
        got.push(x)
        if (got.length === 45) break
      }
      expect(generatorClosed).toBe(true)
      expect(pulled).toBeLessThanOrEqual(45 + 5 + 1)
      expect(pool.size).toBe(0)
      expect(pool.freeCount()).toBe(5)
      expect(killed).toBeGreaterThan(0)
      await sleep(0.01)
      expect(pulled).toBeLessThanOrEqual(45 + 5 + 1) // nothing pulls any more
    })

    it('kills in-flight tasks when the loop body throws', async () => {
      const pool = new Pool(3)
      const inFlight = new Set<number>()
      const work = async (x: number) => {
        inFlight.add(x)
        try {
          await sleep(x === 0 ? 0 : 0.05)
          return x
        } finally {
          inFlight.delete(x)
        }
      }
      await expect(
        (async () => {
          for await (const _ of pool.imap(work, range(10))) throw new Error('stop')
        })(),
      ).rejects.toThrow('stop')
      expect(inFlight.size).toBe(0)
      expect(pool.size).toBe(0)
    })

    it('kills in-flight tasks when a Timeout interrupts the consumer', async () => {
      const pool = new Pool(2)
      const result = await withTimeout(0.02, () => pool.map((s: number) => sleep(s), [1, 1, 1]), {
        timeoutValue: 'late',
      })
      expect(result).toBe('late')
      await sleep(0)
      expect(pool.size).toBe(0)
    })
  })

  describe('map()', () => {
    it('keeps input order and the bound with random task times', async () => {
      const pool = new Pool(5)
      const m = meter()
      expect(await pool.map((x: number) => m.task(x), range(200))).toEqual(range(200))
      expect(m.peak).toBe(5)
    })

    it('returns [] for empty input, as imap and imapUnordered do', async () => {
      const pool = new Pool(2)
      expect(await pool.map(sqr, [])).toEqual([])
      expect(await all(pool.imap(sqr, []))).toEqual([])
      expect(await all(pool.imapUnordered(sqr, []))).toEqual([])
    })

    it('rejects with the first task failure', async () => {
      await expect(new Pool(2).map(divideBy, [1, 0, 2])).rejects.toThrow(RangeError)
    })

    it('rethrows an exception of the input itself, after the items before it', async () => {
      function* broken() {
        yield 1
        yield 2
        throw new SyntaxError('bad input')
      }
      await expect(new Pool(2).map(sqr, broken())).rejects.toThrow(SyntaxError)
      const seen: number[] = []
      const err = await (async () => {
        for await (const x of new Pool(2).imapUnordered(sqr, broken())) seen.push(x)
      })().catch((e) => e)
      expect(err).toBeInstanceOf(SyntaxError)
      expect(seen.sort()).toEqual([1, 4])
    })

    it('rejects bad arguments synchronously', () => {
      const pool = new Pool(1)
      expect(() => pool.map('f' as never, [1])).toThrow(/`fn`/)
      expect(() => pool.imap(sqr, 5 as never)).toThrow(/`items`/)
      expect(() => pool.imapUnordered(sqr, null as never)).toThrow(TypeError)
      expect(() => pool.imap(sqr, [1], 3 as never)).toThrow(/`opts`/)
    })
  })

  describe('a killed task', () => {
    it('surfaces as GreenletExit to the consumer', async () => {
      const pool = new Pool(2)
      const consumer = spawn(() => all(pool.imap((s: number) => sleep(s), [1, 1])))
      await sleep(0.01)
      await pool.kill()
      await consumer.join()
      expect(consumer.value).toBeInstanceOf(GreenletExit)
    })
  })
})

describe('Group', () => {
  describe('imap()', () => {
    it('runs every item at once (no bound) and keeps input order', async () => {
      const m = meter()
      const out = await all(new Group().imap((x: number) => m.task(x, 0.005), range(50)))
      expect(out).toEqual(range(50))
      expect(m.peak).toBe(50)
    })

    it('lets a Timeout around the loop end it', async () => {
      const t = Timeout.startNew(0.01)
      await expect(all(new Group().imapUnordered(() => sleep(1), [1]))).rejects.toBe(t)
    })
  })
})

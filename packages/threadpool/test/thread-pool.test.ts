import { getHub, sleep, spawn } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { ThreadPool } from '../src/index.js'
import { flags, makePool, TASKS } from './helpers.js'

describe('ThreadPool', () => {
  describe('apply()', () => {
    it('runs a task on a worker thread and resolves to its result', async () => {
      await using pool = makePool(1)
      expect(await pool.apply('add', [2, 3])).toBe(5)
      const id = await pool.apply('threadId', [])
      expect(id).toBeGreaterThan(0) // not the main thread (0)
    })

    it('round-trips structured-clone values', async () => {
      await using pool = makePool(1)
      const value = {
        date: new Date(0),
        map: new Map([['a', 1]]),
        set: new Set([1, 2]),
        big: 10n ** 20n,
        bytes: new Uint8Array([1, 2, 3]),
        nested: { list: [null, undefined, 'x'] },
      }
      expect(await pool.apply('echo', [value])).toEqual(value)
    })

    it('moves the objects in transferList instead of copying them', async () => {
      await using pool = makePool(1)
      const bytes = new Uint8Array(1024).fill(2)
      expect(await pool.apply('sum', [bytes], { transferList: [bytes.buffer] })).toBe(2048)
      expect(bytes.byteLength).toBe(0) // detached: it went to the thread
      const kept = new Uint8Array(4).fill(1)
      expect(await pool.apply('sum', [kept])).toBe(4)
      expect(kept.byteLength).toBe(4) // copied
    })

    it('rejects bad arguments synchronously, naming them', () => {
      const pool = makePool(1)
      expect(() => pool.apply('' as 'add', [1, 2])).toThrow(/`name`/)
      expect(() => pool.apply('add', 3 as never)).toThrow(TypeError)
      expect(() => pool.apply('add', [1, 2], { transferList: 'x' as never })).toThrow(
        /`transferList`/,
      )
    })

    it('lets other greenlets run while a task blocks its thread in Atomics.wait', async () => {
      await using pool = makePool(1)
      let ticks = 0
      const ticker = spawn(async () => {
        for (;;) {
          await sleep(0.01)
          ticks++
        }
      })
      const cell = new Int32Array(new SharedArrayBuffer(4))
      expect(await pool.apply('block', [cell, 400])).toBe('timed-out')
      await ticker.kill()
      expect(ticks).toBeGreaterThanOrEqual(10)
    })
  })

  describe('spawn()', () => {
    it('returns a started greenlet whose value is the result', async () => {
      await using pool = makePool(2)
      const g = pool.spawn('add', 40, 2)
      expect(g.started).toBe(true)
      expect(await g.get()).toBe(42)
      expect(g.name).toBe('ThreadPool.spawn(add)')
    })

    it('rejects a bad name synchronously', () => {
      expect(() => makePool(1).spawn(42 as unknown as 'add', 1, 2)).toThrow(/Expected `name`/)
    })
  })

  describe('size', () => {
    it('never runs more than `size` tasks at once, over 200 tasks', async () => {
      await using pool = makePool(2)
      const counters = flags(2)
      const gs = Array.from({ length: 200 }, () =>
        pool.spawn('countConcurrent', { counters, ms: 1 }),
      )
      await sleep(0.02)
      expect(pool.pending).toBeGreaterThan(0)
      const ids = await Promise.all(gs.map((g) => g.get()))
      expect(Atomics.load(counters, 1)).toBe(2)
      expect(new Set(ids).size).toBe(2)
      expect(pool.pending).toBe(0)
    })

    it('defaults to the number of CPUs and starts no thread before the first task', async () => {
      const before = process.getActiveResourcesInfo().filter((r) => r === 'Worker').length
      const pool = new ThreadPool({ filename: TASKS })
      expect(pool.size).toBeGreaterThanOrEqual(1)
      expect(process.getActiveResourcesInfo().filter((r) => r === 'Worker').length).toBe(before)
      expect(await pool.apply('add', [1, 2])).toBe(3)
      await pool.close()
    })
  })

  describe('constructor', () => {
    it('rejects bad options, naming them', () => {
      expect(() => new ThreadPool(undefined as never)).toThrow(/`opts`/)
      expect(() => new ThreadPool({ filename: './tasks.js' })).toThrow(RangeError)
      expect(() => new ThreadPool({ filename: './tasks.js' })).toThrow(/import\.meta\.url/)
      expect(() => new ThreadPool({ filename: 42 as never })).toThrow(TypeError)
      expect(() => new ThreadPool({ filename: new URL('http://127.0.0.1/x.js') })).toThrow(
        /file: URL/,
      )
      expect(() => new ThreadPool({ filename: TASKS, size: 0 })).toThrow(
        'Expected `size` to be an integer from 1 and up, got `0` (number)',
      )
      expect(() => new ThreadPool({ filename: TASKS, size: 1.5 })).toThrow(RangeError)
      expect(() => new ThreadPool({ filename: TASKS, maxQueue: -1 })).toThrow(/`maxQueue`/)
      expect(() => new ThreadPool({ filename: TASKS, errorClasses: [Map as never] })).toThrow(
        /`errorClasses`/,
      )
    })

    it('accepts an absolute path and a file: URL string', async () => {
      const path = new URL(TASKS).pathname
      for (const filename of [path, TASKS.href]) {
        await using pool = new ThreadPool({ filename, size: 1 })
        expect(await pool.apply('add', [1, 1])).toBe(2)
        expect(pool.filename).toBe(TASKS.href)
      }
    })
  })

  it('reports an error a finished task left behind through the hub; the next task is not hit', async () => {
    await using pool = makePool(1)
    const hub = getHub()
    const seen: unknown[] = []
    const original = hub.handleError
    hub.handleError = (err) => void seen.push(err)
    try {
      // returns at once; its timer throws 20 ms later, on the idle thread
      expect(await pool.apply('throwLaterIdle', [])).toBe('returned')
      for (let i = 0; i < 50 && seen.length === 0; i++) await sleep(0.02)
      expect(await pool.apply('sleepThen', [30])).toBe(30)
    } finally {
      hub.handleError = original
    }
    expect(seen).toHaveLength(1)
    expect((seen[0] as Error).message).toBe('escaped after the task')
  })
})

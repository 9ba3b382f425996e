import { sleep, spawn } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../test-kit/src/mulberry32.js'
import { PriorityQueue, type Queue } from '../src/index.js'

function drain<T>(q: Queue<T>): T[] {
  const out: T[] = []
  while (!q.empty()) out.push(q.getNowait())
  return out
}

describe('PriorityQueue', () => {
  describe('constructor', () => {
    it('heapifies the initial items', () => {
      expect(drain(new PriorityQueue({ items: [5, 1, 4, 2, 3] }))).toEqual([1, 2, 3, 4, 5])
    })

    it('rejects a compare that is not a function', () => {
      expect(() => new PriorityQueue({ compare: 'desc' as never })).toThrow(TypeError)
      expect(() => new PriorityQueue({ compare: 'desc' as never })).toThrow(/`compare`/)
    })
  })

  describe('get()', () => {
    it('returns the smallest item first', async () => {
      const q = new PriorityQueue<number>()
      for (const n of [3, 1, 2]) await q.put(n)
      expect([await q.get(), await q.get(), await q.get()]).toEqual([1, 2, 3])
    })

    it('orders strings and [priority, payload] tuples like Python', () => {
      expect(drain(new PriorityQueue({ items: ['b', 'c', 'a'] }))).toEqual(['a', 'b', 'c'])
      const q = new PriorityQueue<[number, string]>({
        items: [
          [2, 'b'],
          [1, 'z'],
          [2, 'a'],
          [1, 'y'],
        ],
      })
      expect(drain(q)).toEqual([
        [1, 'y'],
        [1, 'z'],
        [2, 'a'],
        [2, 'b'],
      ])
    })

    it('keeps insertion order among equal priorities (stable)', () => {
      const q = new PriorityQueue<{ p: number; id: number }>({ compare: (a, b) => a.p - b.p })
      const rand = mulberry32(7)
      const items = Array.from({ length: 2000 }, (_, id) => ({ p: Math.floor(rand() * 5), id }))
      for (const item of items) q.putNowait(item)
      const expected = [...items].sort((a, b) => a.p - b.p || a.id - b.id)
      expect(drain(q)).toEqual(expected)
    })

    it('stays stable when puts and gets interleave', () => {
      const q = new PriorityQueue<{ p: number; id: number }>({ compare: (a, b) => a.p - b.p })
      const rand = mulberry32(11)
      const model: { p: number; id: number }[] = []
      for (let id = 0; id < 5000; id++) {
        if (rand() < 0.55 || model.length === 0) {
          const item = { p: Math.floor(rand() * 4), id }
          q.putNowait(item)
          model.push(item)
        } else {
          model.sort((a, b) => a.p - b.p || a.id - b.id)
          expect(q.getNowait()).toBe(model.shift())
        }
      }
    })

    it('uses a custom compare, e.g. largest first', () => {
      const q = new PriorityQueue<number>({ compare: (a, b) => b - a, items: [1, 3, 2] })
      expect(drain(q)).toEqual([3, 2, 1])
    })

    it('moves a blocked putter in by priority when a get makes room', async () => {
      const q = new PriorityQueue<number>({ maxsize: 2, items: [5, 9] })
      const putter = spawn(() => q.put(1))
      await sleep(0)
      expect(q.getNowait()).toBe(5)
      expect([q.getNowait(), q.getNowait()]).toEqual([1, 9])
      await putter.join()
    })
  })
})

describe('PriorityQueue default order', () => {
  it('orders tuples fully, like Python: equal priorities compare their payloads', () => {
    const q = new PriorityQueue<[number, string]>()
    q.putNowait([2, 'write docs'])
    q.putNowait([1, 'fix bug'])
    q.putNowait([2, 'review'])
    expect([q.getNowait(), q.getNowait(), q.getNowait()]).toEqual([
      [1, 'fix bug'],
      [2, 'review'],
      [2, 'write docs'],
    ])
  })

  it('refuses objects it cannot order with a TypeError that says to pass compare, changing nothing', () => {
    const q = new PriorityQueue<{ p: number }>()
    q.putNowait({ p: 2 })
    expect(() => q.putNowait({ p: 1 })).toThrow(/pass `compare`/)
    expect(() => q.put({ p: 1 })).toThrow(TypeError)
    expect(q.qsize()).toBe(1)
    expect(q.getNowait()).toEqual({ p: 2 })
  })

  it('refuses a number against a string', () => {
    const q = new PriorityQueue<number | string>()
    q.putNowait(1)
    expect(() => q.putNowait('a')).toThrow(/cannot order string and number/)
  })
})

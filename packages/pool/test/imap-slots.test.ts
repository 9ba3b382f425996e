// imap with a synchronous input fills freed slots inline (no feeder wake-up per item):
// these pin the rules that path must keep — pull only with a slot, first come first
// served with other spawners and runs, input errors and early exit.
import { sleep, spawn } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { Group, Pool } from '../src/index.js'

const range = (n: number) => Array.from({ length: n }, (_, i) => i)

const snooze = async (x: number) => {
  await sleep(0.002)
  return x
}

describe('Pool', () => {
  describe('imapUnordered() on a synchronous input', () => {
    it('pulls an item only while a slot is free for it', async () => {
      const pool = new Pool(3)
      const sizes: number[] = []
      function* items() {
        for (let i = 0; i < 30; i++) {
          sizes.push(pool.size) // the slot for this item is reserved, not filled yet
          yield i
        }
      }
      let n = 0
      for await (const _ of pool.imapUnordered(snooze, items())) n++
      expect(n).toBe(30)
      expect(sizes).toHaveLength(30)
      expect(Math.max(...sizes)).toBeLessThanOrEqual(2)
    })

    it('lets a spawner waiting for a slot in before the next item', async () => {
      const pool = new Pool(2)
      const events: string[] = []
      const consumer = spawn(async () => {
        for await (const x of pool.imapUnordered(snooze, range(20))) events.push(`item ${x}`)
      })
      await sleep(0.003)
      await pool.spawn(() => events.push('spawned'))
      await consumer.get()
      const at = events.indexOf('spawned')
      expect(at).toBeGreaterThanOrEqual(0)
      expect(at).toBeLessThan(10) // it did not wait for the whole run
    })

    it('shares the pool with a second run: freed slots go first come, first served', async () => {
      const pool = new Pool(4)
      const running = { a: 0, b: 0 }
      const peak = { a: 0, b: 0 }
      const task = (key: 'a' | 'b') => async (x: number) => {
        running[key]++
        peak[key] = Math.max(peak[key], running[key])
        await sleep(0.002)
        running[key]--
        return x
      }
      const order: string[] = []
      const consume = (key: 'a' | 'b', n: number) =>
        spawn(async () => {
          for await (const _ of pool.imapUnordered(task(key), range(n))) order.push(key)
        })
      const a = consume('a', 200)
      await sleep(0.003) // a holds every slot
      const b = consume('b', 20)
      await b.get()
      // freed slots went to whoever was first in line, so b got more than one at a time
      // while a still had plenty of input
      expect(running.a).toBeGreaterThan(0)
      expect(peak.b).toBeGreaterThanOrEqual(2)
      await a.get()
      expect(order.filter((k) => k === 'a')).toHaveLength(200)
      expect(pool.freeCount()).toBe(4)
    })

    it('throws an input error after every result before it, and gives its slot back', async () => {
      function* items() {
        for (let i = 0; i < 10; i++) yield i
        throw new TypeError('bad input')
      }
      const pool = new Pool(2)
      const got: number[] = []
      await expect(
        (async () => {
          for await (const x of pool.imapUnordered(snooze, items())) got.push(x)
        })(),
      ).rejects.toThrow('bad input')
      expect(got.sort((x, y) => x - y)).toEqual(range(10))
      expect(pool.freeCount()).toBe(2)
    })

    it('closes the input and frees every slot on break while the feeder waits in line', async () => {
      let closed = false
      let pulled = 0
      function* items() {
        try {
          for (let i = 0; ; i++) {
            pulled++
            yield i
          }
        } finally {
          closed = true
        }
      }
      const pool = new Pool(3)
      for await (const x of pool.imapUnordered(snooze, items())) if (x >= 5) break
      expect(closed).toBe(true)
      expect(pool.size).toBe(0)
      expect(pool.freeCount()).toBe(3)
      const before = pulled
      await sleep(0.01)
      expect(pulled).toBe(before)
    })

    it('keeps the maxsize bound when slots free up faster than the reader reads', async () => {
      const pool = new Pool(4)
      let started = 0
      const task = async (x: number) => {
        started++
        return x
      }
      let read = 0
      for await (const _ of pool.imapUnordered(task, range(30), { maxsize: 2 })) {
        read++
        expect(started).toBeLessThanOrEqual(read + 2)
        await sleep(0.001)
      }
      expect(read).toBe(30)
    })
  })
})

describe('Group', () => {
  describe('imap()', () => {
    it('starts every item of a synchronous input at once and keeps input order', async () => {
      const group = new Group()
      let peak = 0
      const task = async (x: number) => {
        peak = Math.max(peak, group.size)
        await sleep(0.001)
        return x
      }
      expect(await group.map(task, range(50))).toEqual(range(50))
      expect(peak).toBe(50)
    })
  })
})

import { sleep, spawn } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { Empty, LifoQueue, PriorityQueue, Queue, ShutDown } from '../src/index.js'

describe('Queue', () => {
  describe('shutdown()', () => {
    it('makes put() and putNowait() throw ShutDown with a message that says why', async () => {
      const q = new Queue<number>()
      q.shutdown()
      expect(q.isShutdown).toBe(true)
      expect(() => q.put(1)).toThrow(ShutDown) // synchronously: putting now is a bug
      expect(() => q.putNowait(1)).toThrow(/Queue.putNowait\(\) failed: the queue was shut down/)
      expect(q.qsize()).toBe(0)
    })

    it('lets getters drain the remaining items, then throws ShutDown', async () => {
      for (const Cls of [Queue, LifoQueue, PriorityQueue]) {
        const q = new Cls<number>({ items: [1, 2] })
        q.shutdown()
        const got = [await q.get(), q.getNowait()].sort()
        expect(got).toEqual([1, 2])
        await expect(q.get()).rejects.toBeInstanceOf(ShutDown)
        await expect(q.get({ block: false })).rejects.toBeInstanceOf(ShutDown)
        await expect(q.peek()).rejects.toBeInstanceOf(ShutDown)
        expect(() => q.peekNowait()).toThrow(ShutDown)
      }
    })

    it('wakes blocked getters and peekers with ShutDown', async () => {
      const q = new Queue<number>()
      const getters = [
        spawn(() => q.get()),
        spawn(() => q.get({ timeout: 10 })),
        spawn(() => q.peek()),
      ]
      await sleep(0)
      q.shutdown()
      for (const g of getters) await expect(g.get()).rejects.toBeInstanceOf(ShutDown)
      expect(q.waitingGetters).toBe(0)
    })

    it('wakes blocked putters with ShutDown and never adds their items', async () => {
      const q = new Queue<number>({ maxsize: 1, items: [1] })
      const putters = [spawn(() => q.put(2)), spawn(() => q.put(3))]
      await sleep(0)
      q.shutdown()
      for (const g of putters) await expect(g.get()).rejects.toBeInstanceOf(ShutDown)
      expect([q.waitingPutters, q.getNowait()]).toEqual([0, 1])
      expect(() => q.getNowait()).toThrow(ShutDown)
    })

    it('immediate: drops the items, so get() throws ShutDown at once', async () => {
      const q = new Queue<number>({ items: [1, 2] })
      q.shutdown({ immediate: true })
      expect(q.qsize()).toBe(0)
      await expect(q.get()).rejects.toBeInstanceOf(ShutDown)
    })

    it('can escalate from graceful to immediate', () => {
      const q = new Queue<number>({ items: [1] })
      q.shutdown()
      expect(q.qsize()).toBe(1)
      q.shutdown({ immediate: true })
      expect(q.qsize()).toBe(0)
    })

    it('does not turn a timeout already decided into ShutDown', async () => {
      const q = new Queue<number>()
      const g = spawn(() => q.get({ timeout: 0 }))
      await sleep(0.01)
      q.shutdown()
      await expect(g.get()).rejects.toBeInstanceOf(Empty)
    })
  })

  describe('[Symbol.asyncIterator]()', () => {
    it('yields items in order until the queue is shut down and drained', async () => {
      const q = new Queue<number>({ maxsize: 2 })
      spawn(async () => {
        for (let i = 0; i < 5; i++) await q.put(i)
        q.shutdown()
      })
      const got: number[] = []
      for await (const n of q) got.push(n)
      expect(got).toEqual([0, 1, 2, 3, 4])
    })

    it('lets several consumers share the items, each item once', async () => {
      const q = new Queue<number>({ maxsize: 3 })
      const seen: number[][] = [[], [], []]
      const consumers = seen.map((mine) =>
        spawn(async () => {
          for await (const n of q) mine.push(n)
        }),
      )
      for (let i = 0; i < 100; i++) await q.put(i)
      q.shutdown()
      for (const c of consumers) await c.join()
      expect(seen.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i))
      expect(seen.every((mine) => mine.length > 0)).toBe(true)
    })

    it('yields thenable-free items as they are, falsy ones included', async () => {
      const q = new Queue<unknown>({ items: [0, '', null, undefined, false] })
      q.shutdown()
      const got: unknown[] = []
      for await (const x of q) got.push(x)
      expect(got).toEqual([0, '', null, undefined, false])
    })

    it('propagates a kill out of the loop', async () => {
      const q = new Queue<number>()
      const g = spawn(async () => {
        for await (const _ of q) {
        }
        return 'ended'
      })
      await sleep(0)
      await g.kill()
      expect(g.value).not.toBe('ended')
      expect(q.waitingGetters).toBe(0)
    })

    it('stops pulling after break', async () => {
      const q = new Queue<number>({ items: [1, 2, 3] })
      for await (const n of q) if (n === 1) break
      expect(q.qsize()).toBe(2)
    })
  })
})

import { sleep, spawn } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { JoinableQueue, Queue, ShutDown } from '../src/index.js'
import { settledAtOnce } from './helpers.js'

describe('JoinableQueue', () => {
  it('is a Queue', () => {
    expect(new JoinableQueue()).toBeInstanceOf(Queue)
  })

  describe('unfinishedTasks', () => {
    it('counts every accepted item, including the initial ones', async () => {
      const q = new JoinableQueue<number>({ items: [1, 2] })
      expect(q.unfinishedTasks).toBe(2)
      await q.put(3)
      expect(q.unfinishedTasks).toBe(3)
      q.getNowait()
      expect(q.unfinishedTasks).toBe(3)
    })
  })

  describe('taskDone()', () => {
    it('brings the count down after a get', async () => {
      const q = new JoinableQueue<string>()
      spawn(() => q.put('X'))
      expect(await q.get()).toBe('X')
      expect(q.unfinishedTasks).toBe(1)
      q.taskDone()
      expect(q.unfinishedTasks).toBe(0)
    })

    it('throws a RangeError when called more often than items were put', () => {
      const q = new JoinableQueue({ items: ['a'] })
      q.taskDone()
      expect(() => q.taskDone()).toThrow(RangeError)
      expect(() => q.taskDone()).toThrow(/taskDone\(\) called more times than items were put/)
      expect(q.unfinishedTasks).toBe(0)
    })
  })

  describe('join()', () => {
    it('returns true at once, without switching, when nothing was put', async () => {
      const q = new JoinableQueue()
      const p = q.join()
      expect(await settledAtOnce(p)).toBe(true)
      expect(await p).toBe(true)
    })

    it('waits until every item is done', async () => {
      const q = new JoinableQueue<number>({ items: [1, 2, 3] })
      const seen: number[] = []
      spawn(async () => {
        for await (const n of q) {
          await sleep(0.001)
          seen.push(n)
          q.taskDone()
        }
      })
      expect(await q.join()).toBe(true)
      expect(seen).toEqual([1, 2, 3])
      q.shutdown()
    })

    it('wakes every joiner in order', async () => {
      const q = new JoinableQueue({ items: [1] })
      const order: number[] = []
      const gs = [0, 1, 2].map((i) => spawn(async () => order.push(i, Number(await q.join()))))
      await sleep(0)
      q.getNowait()
      q.taskDone()
      for (const g of gs) await g.join()
      expect(order).toEqual([0, 1, 1, 1, 2, 1])
    })

    it('throws synchronously for a negative timeout', () => {
      expect(() => new JoinableQueue().join({ timeout: -1 })).toThrow(RangeError)
    })
  })

  describe('shutdown()', () => {
    it('drains with taskDone, join returns, then ShutDown', async () => {
      const q = new JoinableQueue<string>()
      await q.put('L')
      await q.put('O')
      q.shutdown()
      expect(() => q.put('Z')).toThrow(ShutDown)
      expect(() => q.putNowait('Z')).toThrow(ShutDown)
      expect(await q.get()).toBe('L')
      q.taskDone()
      expect(await q.get()).toBe('O')
      q.taskDone()
      expect(await q.join()).toBe(true)
      await expect(q.get()).rejects.toBeInstanceOf(ShutDown)
      expect(() => q.getNowait()).toThrow(ShutDown)
      await expect(q.get({ timeout: 1 })).rejects.toBeInstanceOf(ShutDown)
    })

    it('immediate: drops the items, counts them done and wakes joiners', async () => {
      const q = new JoinableQueue<string>()
      await q.put('Y')
      await q.put('Z')
      const joiner = spawn(() => q.join())
      await sleep(0)
      q.shutdown({ immediate: true })
      expect(() => q.put('A')).toThrow(ShutDown)
      expect(() => q.putNowait('A')).toThrow(ShutDown)
      await expect(q.get()).rejects.toBeInstanceOf(ShutDown)
      expect(() => q.getNowait()).toThrow(ShutDown)
      expect(() => q.taskDone()).toThrow(RangeError)
      expect(await q.join()).toBe(true)
      expect(await joiner.get()).toBe(true)
    })

    it('immediate: keeps counting items already got and not yet done', async () => {
      const q = new JoinableQueue<string>({ items: ['a', 'b', 'c'] })
      q.getNowait()
      q.shutdown({ immediate: true })
      expect(q.unfinishedTasks).toBe(1)
      q.taskDone()
      expect(await q.join()).toBe(true)
    })
  })
})

import { joinAll, sleep, spawn } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { LifoQueue, Queue } from '../src/index.js'

describe('LifoQueue', () => {
  it('is a Queue', () => {
    expect(new LifoQueue()).toBeInstanceOf(Queue)
  })

  describe('get()', () => {
    it('returns the newest item first', async () => {
      const q = new LifoQueue<number>()
      for (const n of [1, 2, 3]) await q.put(n)
      expect(q.peekNowait()).toBe(3)
      expect([await q.get(), await q.get(), await q.get()]).toEqual([3, 2, 1])
    })

    it('moves a blocked putter in on top of the stack when it makes room', async () => {
      const q = new LifoQueue<number>({ maxsize: 2, items: [1, 2] })
      const putter = spawn(() => q.put(3))
      await sleep(0)
      expect(q.getNowait()).toBe(2)
      expect([q.getNowait(), q.getNowait()]).toEqual([3, 1])
      await putter.join()
    })

    it('serves blocked getters in arrival order', async () => {
      const q = new LifoQueue<string>()
      const gs = [0, 1].map(() => spawn(() => q.get()))
      await sleep(0)
      q.putNowait('a')
      q.putNowait('b')
      await joinAll(gs)
      expect(gs.map((g) => g.value)).toEqual(['a', 'b'])
    })
  })
})

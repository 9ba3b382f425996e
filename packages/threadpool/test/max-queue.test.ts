import { sleep } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { ThreadPoolClosed } from '../src/index.js'
import { flags, makePool } from './helpers.js'

describe('ThreadPool maxQueue', () => {
  it('holds back submitters past it, first come first served, until a thread frees up', async () => {
    await using pool = makePool(1, { maxQueue: 1 })
    const tasks = [0, 1, 2, 3].map((i) => pool.spawn('sleepThen', 40 + i))
    await sleep(0.02)
    expect(pool.pending).toBe(3) // 1 queued in the pool, 2 waiting for room
    const order: number[] = []
    for (const g of tasks) order.push(await g.get())
    expect(order).toEqual([40, 41, 42, 43])
    expect(pool.pending).toBe(0)
  })

  it('a submitter killed while it waits for room submits nothing and loses no place', async () => {
    await using pool = makePool(1, { maxQueue: 0 })
    const started = flags(1)
    const busy = pool.spawn('sleepThen', 100)
    const waiting = pool.spawn('mark', started, 0)
    const next = pool.spawn('add', 2, 2)
    await sleep(0.02)
    expect(pool.pending).toBe(2)
    await waiting.kill()
    expect(await busy.get()).toBe(100)
    expect(await next.get()).toBe(4)
    expect(Atomics.load(started, 0)).toBe(0)
  })

  it('close() rejects the submitters still waiting for room with ThreadPoolClosed', async () => {
    const pool = makePool(1, { maxQueue: 0 })
    const busy = pool.apply('sleepThen', [50])
    const waiting = pool.apply('add', [1, 1]).catch((e: unknown) => e)
    await sleep(0.01)
    await pool.close()
    expect(await busy).toBe(50)
    expect(await waiting).toBeInstanceOf(ThreadPoolClosed)
  })
})

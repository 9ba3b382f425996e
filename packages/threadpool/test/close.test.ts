import { sleep, spawn, Timeout, withTimeout } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { ThreadPoolClosed } from '../src/index.js'
import { makePool } from './helpers.js'

/** The thread handles once Node has let go of the ended ones (it does so a moment later on Node 24). */
async function settledHandles(expected: number): Promise<number> {
  for (let i = 0; i < 50 && threadHandles() !== expected; i++) await sleep(0.02)
  return threadHandles()
}

const threadHandles = (): number =>
  process.getActiveResourcesInfo().filter((r) => r === 'Worker' || r === 'MessagePort').length

describe('ThreadPool.close()', () => {
  it('waits for the running and queued tasks, then ends every thread', async () => {
    const before = threadHandles()
    const pool = makePool(2)
    const tasks = [100, 100, 100].map((ms) => pool.spawn('sleepThen', ms))
    await sleep(0.02)
    expect(threadHandles()).toBeGreaterThan(before)
    await pool.close()
    expect(tasks.map((g) => g.value)).toEqual([100, 100, 100])
    expect(threadHandles()).toBe(before)
  })

  it('rejects tasks submitted after it with ThreadPoolClosed', async () => {
    const pool = makePool(1)
    await pool.apply('add', [1, 1])
    await pool.close()
    const err = await pool.apply('add', [1, 2]).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ThreadPoolClosed)
    expect((err as ThreadPoolClosed).code).toBe('ERR_THREADPOOL_CLOSED')
    await expect(pool.spawn('add', 1, 2).get()).rejects.toBeInstanceOf(ThreadPoolClosed)
  })

  it('with a timeout, ends the threads when it runs out; the tasks still running reject', async () => {
    const before = threadHandles()
    const pool = makePool(1)
    const outcome = pool.apply('spin', [3000]).catch((e: unknown) => e)
    await sleep(0.05)
    const started = performance.now()
    await pool.close({ timeout: 0.1 })
    expect(performance.now() - started).toBeLessThan(1500)
    const err = await outcome
    expect(err).toBeInstanceOf(ThreadPoolClosed)
    expect((err as Error).message).toMatch(/ran out of time/)
    expect(threadHandles()).toBe(before)
  })

  it('is a cooperative wait: a Timeout of the closer ends the threads before it propagates', async () => {
    const before = threadHandles()
    const pool = makePool(1)
    const outcome = pool.apply('spin', [3000]).catch((e: unknown) => e)
    await sleep(0.05)
    const closer = spawn(async () => {
      const t = Timeout.startNew(0.1)
      return pool.close().catch((err: unknown) => err === t)
    })
    expect(await closer.get()).toBe(true)
    expect(await outcome).toBeInstanceOf(ThreadPoolClosed)
    expect(await settledHandles(before)).toBe(before)
  })

  it('resolves at once for a pool that never ran a task, and when called again', async () => {
    const pool = makePool(2)
    await pool.close()
    await pool.close()
    const used = makePool(1)
    await used.apply('add', [1, 1])
    await Promise.all([used.close(), used.close()])
  })

  it('runs on `await using`', async () => {
    const before = threadHandles()
    {
      await using pool = makePool(1)
      expect(await pool.apply('add', [3, 4])).toBe(7)
    }
    expect(threadHandles()).toBe(before)
  })

  it('rejects a bad timeout synchronously', () => {
    expect(() => makePool(1).close({ timeout: -1 })).toThrow(RangeError)
    expect(() => makePool(1).close(5 as never)).toThrow(TypeError)
  })

  it('withTimeout around close bounds it too', async () => {
    const pool = makePool(1)
    const outcome = pool.apply('spin', [2000]).catch((e: unknown) => e)
    await sleep(0.05)
    const closer = spawn(() => withTimeout(0.1, () => pool.close(), { timeoutValue: 'late' }))
    expect(await closer.get()).toBe('late')
    expect(await outcome).toBeInstanceOf(ThreadPoolClosed)
  })
})

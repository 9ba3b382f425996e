import { GreenletExit, sleep, spawn, Timeout, withTimeout } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { flags, makePool } from './helpers.js'

describe('ThreadPool: kill and Timeout reach the thread', () => {
  it('a Timeout of the waiting caller stops a running busy loop (it never finishes later)', async () => {
    await using pool = makePool(1)
    const done = flags(1)
    const started = performance.now()
    const outcome = await withTimeout(0.2, () => pool.apply('spin', [700, done, 0]), {
      timeoutValue: 'timed out',
    })
    expect(outcome).toBe('timed out')
    expect(performance.now() - started).toBeLessThan(1000)
    await sleep(0.9) // past the end of the busy loop, had it gone on
    expect(Atomics.load(done, 0)).toBe(0)
  })

  it('a kill of the waiting greenlet stops its running task; the greenlet ends with GreenletExit', async () => {
    await using pool = makePool(1)
    const done = flags(1)
    const g = pool.spawn('spin', 700, done, 0)
    await sleep(0.2) // running in the thread now
    await g.kill()
    expect(g.dead).toBe(true)
    expect(g.value).toBeInstanceOf(GreenletExit)
    await sleep(0.9)
    expect(Atomics.load(done, 0)).toBe(0)
  })

  it('the caller sees its own Timeout instance, as at any other wait', async () => {
    await using pool = makePool(1)
    const t = Timeout.startNew(0.1)
    try {
      await expect(pool.apply('spin', [2000])).rejects.toBe(t)
    } finally {
      t.cancel()
    }
  })

  it('a killed greenlet whose task is still queued drops it: it never starts', async () => {
    await using pool = makePool(1)
    const started = flags(1)
    const busy = pool.spawn('spin', 400)
    const queued = pool.spawn('mark', started, 0)
    await sleep(0.1)
    expect(pool.pending).toBe(1)
    await queued.kill()
    expect(pool.pending).toBe(0)
    expect(await busy.get()).toBe(400)
    expect(await pool.apply('add', [1, 1])).toBe(2) // the thread took the next task, not the dropped one
    expect(Atomics.load(started, 0)).toBe(0)
  })

  it('keeps its size after running tasks were stopped: the ended threads are replaced', async () => {
    await using pool = makePool(2)
    const victims = [pool.spawn('spin', 5000), pool.spawn('spin', 5000)]
    await sleep(0.2)
    for (const g of victims) await g.kill()
    const counters = flags(2)
    const jobs = Array.from({ length: 6 }, () => ({ counters, ms: 150 }))
    const ids = await pool.map('countConcurrent', jobs)
    expect(Atomics.load(counters, 1)).toBe(2) // two threads again, never more
    expect(new Set(ids).size).toBe(2)
  })

  it('a greenlet killed before its task starts submits nothing', async () => {
    await using pool = makePool(1)
    const started = flags(1)
    const g = pool.spawn('mark', started, 0)
    await g.kill() // before its first run
    await pool.apply('add', [0, 0])
    expect(Atomics.load(started, 0)).toBe(0)
  })

  it('a greenlet that caught the Timeout can run tasks again on the same pool', async () => {
    await using pool = makePool(1)
    const g = spawn(async () => {
      const first = await withTimeout(0.1, () => pool.apply('spin', [3000]), {
        timeoutValue: 'cut',
      })
      return [first, await pool.apply('add', [2, 3])]
    })
    expect(await g.get()).toEqual(['cut', 5])
  })

  it('a Timeout of a caller with many tasks in flight aborts every one of them', async () => {
    await using pool = makePool(2)
    const done = flags(64)
    const outcome = await withTimeout(
      0.2,
      () => Promise.all(Array.from({ length: 64 }, (_, i) => pool.apply('spin', [300, done, i]))),
      { timeoutValue: 'timed out' },
    )
    expect(outcome).toBe('timed out')
    expect(pool.pending).toBe(0) // the queued ones were dropped
    await sleep(0.5)
    expect(Array.from(done).filter((f) => f === 1)).toEqual([]) // the running ones stopped
    expect(await pool.apply('add', [1, 1])).toBe(2)
  })
})

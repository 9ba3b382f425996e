import { GreenletExit, joinAll, sleep, spawn, Timeout } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../test-kit/src/mulberry32.js'
import { Semaphore } from '../src/index.js'

const UNITS = 3
const BUDGET = 4000

/**
 * Workers acquire and release a Semaphore(3) with random styles (blocking, timed,
 * non-blocking, run(), hold()) while a killer kills them at random moments.
 */
async function storm(seed: number): Promise<{ ops: number; maxHolders: number }> {
  const rand = mulberry32(seed)
  const sem = new Semaphore(UNITS)
  const holding = new Set<number>()
  let holders = 0
  let maxHolders = 0
  let ops = 0
  const enter = (id: number): void => {
    expect(holding.has(id)).toBe(false)
    holding.add(id)
    holders++
    maxHolders = Math.max(maxHolders, holders)
    expect(holders).toBeLessThanOrEqual(UNITS)
  }
  const leave = (id: number): void => {
    holding.delete(id)
    holders--
  }
  const work = (): Promise<void> => (rand() < 0.4 ? sleep(0) : sleep(rand() * 0.002))
  const worker = async (id: number): Promise<void> => {
    while (ops < BUDGET) {
      ops++
      const style = rand()
      try {
        if (style < 0.2) {
          await sem.run(
            async () => {
              enter(id)
              try {
                await work()
              } finally {
                leave(id)
              }
            },
            { timeout: rand() * 0.003 },
          )
        } else if (style < 0.3) {
          await using _ = await sem.hold()
          enter(id)
          try {
            await work()
          } finally {
            leave(id)
          }
        } else {
          const opts =
            style < 0.5 ? { blocking: false } : style < 0.8 ? { timeout: rand() * 0.003 } : {}
          if (!(await sem.acquire(opts))) continue
          enter(id)
          try {
            await work()
          } finally {
            leave(id)
            sem.release()
          }
        }
      } catch (err) {
        if (!(err instanceof Timeout)) throw err
      }
    }
  }
  const gs = Array.from({ length: 60 }, (_, id) => spawn(worker, id))
  // kills a random worker now and then and starts a replacement, until the budget is spent
  const killer = spawn(async () => {
    while (ops < BUDGET) {
      await sleep(rand() < 0.5 ? 0 : rand() * 0.002)
      void gs[Math.floor(rand() * gs.length)]?.kill()
      gs.push(spawn(worker, gs.length))
    }
  })
  expect(await killer.join({ timeout: 15 })).toBe(true)
  const done = await joinAll(gs, { timeout: 15 })
  expect(done.length).toBe(gs.length)
  for (const g of gs) {
    if (!g.successful()) throw g.exception
    if (g.value !== undefined) expect(g.value).toBeInstanceOf(GreenletExit)
  }
  expect(holding.size).toBe(0)
  expect(holders).toBe(0)
  expect(sem.counter).toBe(UNITS)
  expect(sem.locked()).toBe(false)
  return { ops, maxHolders }
}

describe('stress', () => {
  for (const seed of [7, 99, 31337]) {
    it(`keeps Semaphore(3) exact under random kills and timeouts (seed ${seed})`, async () => {
      const { ops, maxHolders } = await storm(seed)
      expect(ops).toBeGreaterThanOrEqual(BUDGET)
      expect(maxHolders).toBe(UNITS)
    })
  }
})

import { type Greenlet, GreenletExit, killAll, sleep, spawn, Timeout } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../test-kit/src/mulberry32.js'
import { Channel, Empty, Full, LifoQueue, PriorityQueue, Queue } from '../src/index.js'

const ACCEPTED = 1
const REJECTED = 2

interface Outcome {
  ops: number
  kills: number
  produced: number
  consumed: number
  left: number
  /** Items consumed or left over a number of times other than 1 if accepted, 0 if not. */
  mismatches: string[]
  failures: unknown[]
}

/**
 * Producers and consumers hammer one queue with every kind of call (blocking, timeout,
 * nowait, block: false, under a Timeout), while the driver kills random workers and
 * replaces them. Every item id is recorded as accepted (its put resolved) or rejected.
 */
async function hammer(seed: number, q: Queue<number>, targetOps: number): Promise<Outcome> {
  const rand = mulberry32(seed)
  const state = new Uint8Array(targetOps + 64)
  const consumed = new Uint8Array(targetOps + 64)
  let nextId = 0
  let ops = 0
  let kills = 0
  const live: Greenlet[] = []
  const all: Greenlet[] = []
  const failures: unknown[] = []

  const expected = (err: unknown, t: Timeout | null): boolean =>
    err instanceof Empty || err instanceof Full || (t !== null && err === t)

  async function producer(): Promise<void> {
    for (;;) {
      const id = nextId++
      ops++
      const r = rand()
      let t: Timeout | null = null
      try {
        if (r < 0.45) await q.put(id)
        else if (r < 0.6) await q.put(id, { timeout: rand() < 0.5 ? 0 : 0.0003 })
        else if (r < 0.75) q.putNowait(id)
        else if (r < 0.85) await q.put(id, { block: false })
        else {
          t = Timeout.startNew(rand() < 0.5 ? 0 : 0.0002)
          await q.put(id)
        }
        state[id] = ACCEPTED
      } catch (err) {
        state[id] = REJECTED
        if (!expected(err, t)) throw err
      } finally {
        t?.cancel()
      }
      if (rand() < 0.4) await sleep(0)
    }
  }

  async function consumer(): Promise<void> {
    for (;;) {
      ops++
      const r = rand()
      let t: Timeout | null = null
      let id = -1
      try {
        if (r < 0.45) id = await q.get()
        else if (r < 0.6) id = await q.get({ timeout: rand() < 0.5 ? 0 : 0.0003 })
        else if (r < 0.72) id = q.getNowait()
        else if (r < 0.8) id = await q.get({ block: false })
        else if (r < 0.85) await q.peek({ timeout: 0 })
        else {
          t = Timeout.startNew(rand() < 0.5 ? 0 : 0.0002)
          id = await q.get()
        }
      } catch (err) {
        if (!expected(err, t)) throw err
      } finally {
        t?.cancel()
      }
      if (id >= 0) consumed[id] = (consumed[id] ?? 0) + 1
      if (rand() < 0.4) await sleep(0)
    }
  }

  const start = (fn: () => Promise<void>): void => {
    const g = spawn(fn)
    live.push(g)
    all.push(g)
  }
  const nProducers = 2 + Math.floor(rand() * 3)
  const nConsumers = 2 + Math.floor(rand() * 3)
  for (let i = 0; i < nProducers; i++) start(producer)
  for (let i = 0; i < nConsumers; i++) start(consumer)

  while (ops < targetOps) {
    await sleep(0)
    if (rand() < 0.3) {
      const i = Math.floor(rand() * live.length)
      const victim = live[i] as Greenlet
      kills++
      void victim.kill()
      // replace it with a worker of the same kind, so both sides keep going
      live.splice(i, 1)
      start(i < nProducers ? producer : consumer)
      if (i < nProducers) live.splice(i, 0, live.pop() as Greenlet)
    }
  }
  await killAll(all)
  for (const g of all) if (!(g.value instanceof GreenletExit)) failures.push(g.exception ?? g.value)

  const left = new Uint8Array(targetOps + 64)
  let leftCount = 0
  while (!q.empty()) {
    const id = q.getNowait()
    left[id] = (left[id] ?? 0) + 1
    leftCount++
  }
  const mismatches: string[] = []
  let produced = 0
  let consumedCount = 0
  for (let id = 0; id < nextId; id++) {
    const want = state[id] === ACCEPTED ? 1 : 0
    produced += want
    consumedCount += consumed[id] ?? 0
    const got = (consumed[id] ?? 0) + (left[id] ?? 0)
    if (got !== want && mismatches.length < 10) {
      mismatches.push(
        `item ${id}: ${state[id] === ACCEPTED ? 'accepted' : 'rejected'}, seen ${got} times`,
      )
    }
  }
  expect(q.waitingGetters + q.waitingPutters).toBe(0)
  return { ops, kills, produced, consumed: consumedCount, left: leftCount, mismatches, failures }
}

describe('Queue under stress', () => {
  const scenarios: [string, () => Queue<number>][] = [
    ['Queue({ maxsize: 1 })', () => new Queue({ maxsize: 1 })],
    ['Queue({ maxsize: 3 })', () => new Queue({ maxsize: 3 })],
    ['Channel', () => new Channel()],
    ['PriorityQueue({ maxsize: 4 })', () => new PriorityQueue({ maxsize: 4 })],
    ['LifoQueue({ maxsize: 2 })', () => new LifoQueue({ maxsize: 2 })],
  ]
  const OPS = 220_000 // x5 scenarios: over 1M operations in total
  let total = 0

  scenarios.forEach(([name, make], i) => {
    it(`never loses or duplicates an item: ${name}`, async () => {
      const out = await hammer(0x5eed + i, make(), OPS)
      total += out.ops
      expect(out.failures).toEqual([])
      expect(out.mismatches).toEqual([])
      expect(out.produced).toBe(out.consumed + out.left)
      expect(out.kills).toBeGreaterThan(100)
      expect(out.consumed).toBeGreaterThan(1000)
    })
  })

  it('ran over a million operations', () => {
    expect(total).toBeGreaterThanOrEqual(1_000_000)
  })
})

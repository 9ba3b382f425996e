// W6: Semaphore(10) under contention — 100 greenlets each acquire, yield once inside
// the critical section (so 90 are queued at any moment), release; n acquire/release
// pairs in all. Measures acquire/release including the FIFO hand-off to waiters.

import { Effect, Semaphore as EffectSemaphore, Fiber } from 'effect'
import { joinAll, Semaphore, sleep, spawn } from 'strand'
import type { Workload } from '../workload.js'

const PERMITS = 10
const WORKERS = 100
const RESOLVED_TRUE = Promise.resolve(true)

/**
 * The smallest honest semaphore on raw promises: a counter and a FIFO of resolvers,
 * a unit handed straight to the first waiter on release; no timeouts, no cancellation.
 */
class RawSemaphore {
  private waiters: ((ok: boolean) => void)[] = []
  private head = 0

  constructor(private counter: number) {}

  acquire(): Promise<boolean> {
    if (this.counter > 0) {
      this.counter--
      return RESOLVED_TRUE
    }
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  release(): void {
    if (this.head < this.waiters.length) {
      const next = this.waiters[this.head] as (ok: boolean) => void
      this.waiters[this.head++] = undefined as never
      if (this.head > 1024 && this.head * 2 > this.waiters.length) {
        this.waiters = this.waiters.slice(this.head)
        this.head = 0
      }
      next(true)
      return
    }
    this.counter++
  }
}

function check(total: number, n: number): void {
  if (total !== n) throw new Error(`W6: ${total} critical sections for n = ${n}`)
}

export const workload: Workload = {
  id: 'W6',
  title: 'Semaphore(10): 100 greenlets acquire / yield / release',
  unit: 'acquire+release/s',
  kind: 'throughput',
  n: 300_000,
  target: '≥ 2× effect',
  goals: [{ peer: 'effect', ratio: 2 }],
  peers: {
    strand: async (n) => {
      const sem = new Semaphore(PERMITS)
      const per = Math.ceil(n / WORKERS)
      let total = 0
      const worker = async (): Promise<void> => {
        for (let i = 0; i < per; i++) {
          await sem.acquire()
          try {
            total++
            await sleep(0)
          } finally {
            sem.release()
          }
        }
      }
      const gs = []
      for (let i = 0; i < WORKERS; i++) gs.push(spawn(worker))
      await joinAll(gs)
      check(total, per * WORKERS)
    },
    raw: async (n) => {
      const sem = new RawSemaphore(PERMITS)
      const per = Math.ceil(n / WORKERS)
      let total = 0
      const worker = async (): Promise<void> => {
        for (let i = 0; i < per; i++) {
          await sem.acquire()
          try {
            total++
            await null
          } finally {
            sem.release()
          }
        }
      }
      const ps = []
      for (let i = 0; i < WORKERS; i++) ps.push(worker())
      await Promise.all(ps)
      check(total, per * WORKERS)
    },
    effect: async (n) => {
      const per = Math.ceil(n / WORKERS)
      let total = 0
      const program = Effect.gen(function* () {
        const sem = yield* EffectSemaphore.make(PERMITS)
        const section = sem.withPermit(
          Effect.suspend(() => {
            total++
            return Effect.yieldNow
          }),
        )
        const worker = Effect.gen(function* () {
          for (let i = 0; i < per; i++) yield* section
        })
        const fibers: Fiber.Fiber<void>[] = []
        for (let i = 0; i < WORKERS; i++) fibers.push(yield* Effect.forkChild(worker))
        yield* Fiber.joinAll(fibers)
      })
      await Effect.runPromise(program)
      check(total, per * WORKERS)
    },
  },
}

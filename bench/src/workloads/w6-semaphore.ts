// W6: Semaphore(10) under contention — 100 greenlets each acquire, yield once inside
// the critical section (so 90 are queued at any moment), release; n acquire/release
// pairs in all. Measures acquire/release including the FIFO hand-off to waiters.
// `strand` uses `sem.run(async () => …)` as the lock README does first (effect's
// `withPermit` is the same shape); `strand-acquire` writes acquire / try / finally release.
// `raw` yields with setImmediate like the raw peers of W1, W2 and W4; `raw-microtask`
// with `await null`.

import { setImmediate as nextTurn } from 'node:timers/promises'
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

/** WORKERS async loops over a {@link RawSemaphore}, awaiting `pause()` inside. */
async function rawRun(n: number, pause: () => unknown): Promise<void> {
  const sem = new RawSemaphore(PERMITS)
  const per = Math.ceil(n / WORKERS)
  let total = 0
  const worker = async (): Promise<void> => {
    for (let i = 0; i < per; i++) {
      await sem.acquire()
      try {
        total++
        await pause()
      } finally {
        sem.release()
      }
    }
  }
  const ps = []
  for (let i = 0; i < WORKERS; i++) ps.push(worker())
  await Promise.all(ps)
  check(total, per * WORKERS)
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
      const gs = []
      for (let w = 0; w < WORKERS; w++) {
        gs.push(
          spawn(async () => {
            for (let i = 0; i < per; i++) {
              await sem.run(async () => {
                total++
                await sleep(0)
              })
            }
          }),
        )
      }
      await joinAll(gs)
      check(total, per * WORKERS)
    },
    'strand-acquire': async (n) => {
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
    raw: (n) => rawRun(n, () => nextTurn()),
    'raw-microtask': (n) => rawRun(n, () => null),
    effect: async (n) => {
      const per = Math.ceil(n / WORKERS)
      let total = 0
      const program = Effect.gen(function* () {
        const sem = yield* EffectSemaphore.make(PERMITS)
        const section = sem.withPermit(
          Effect.gen(function* () {
            total++
            yield* Effect.yieldNow
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

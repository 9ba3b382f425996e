// W5: one Event, 100k greenlets parked on it; set() it and time until every waiter has
// resumed. Measures the wake-up path (claim, FIFO hand-off through the hub, resume).

import { Effect, type Fiber, Latch } from 'effect'
import { Event, type Greenlet, sleep, spawn } from 'strand'
import { since } from '../internal/timing.js'
import type { Workload } from '../workload.js'

export const workload: Workload = {
  id: 'W5',
  title: 'Event.set() waking 100k waiting greenlets',
  unit: 'wake-ups/s',
  kind: 'throughput',
  n: 100_000,
  target: '≥ 2× effect',
  goals: [{ peer: 'effect', ratio: 2 }],
  peers: {
    strand: async (n) => {
      const ev = new Event()
      const done = new Event()
      let parked = 0
      let woken = 0
      const waiter = async (): Promise<void> => {
        parked++
        await ev.wait()
        if (++woken === n) done.set()
      }
      const gs: Greenlet[] = new Array(n)
      for (let i = 0; i < n; i++) gs[i] = spawn(waiter)
      while (parked < n) await sleep(0) // every greenlet starts and parks
      const start = performance.now()
      ev.set()
      await done.wait()
      return { seconds: since(start) }
    },
    raw: async (n) => {
      let open!: () => void
      const latch = new Promise<void>((resolve) => {
        open = resolve
      })
      let finish!: () => void
      const done = new Promise<void>((resolve) => {
        finish = resolve
      })
      let woken = 0
      const waiter = async (): Promise<void> => {
        await latch
        if (++woken === n) finish()
      }
      for (let i = 0; i < n; i++) void waiter()
      const start = performance.now()
      open()
      await done
      return { seconds: since(start) }
    },
    effect: (n) =>
      Effect.runPromise(
        Effect.gen(function* () {
          const latch = yield* Latch.make()
          const done = yield* Latch.make()
          let parked = 0
          let woken = 0
          const waiter = Effect.gen(function* () {
            parked++
            yield* latch.await
            if (++woken === n) done.openUnsafe()
          })
          const fibers: Fiber.Fiber<void>[] = new Array(n)
          for (let i = 0; i < n; i++) fibers[i] = yield* Effect.forkChild(waiter)
          while (parked < n) yield* Effect.yieldNow // every fiber starts and suspends
          const start = performance.now()
          yield* latch.open
          yield* done.await
          return { seconds: since(start) }
        }),
      ),
  },
}

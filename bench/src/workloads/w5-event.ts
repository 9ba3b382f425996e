// W5: one Event, 100k greenlets parked on it; set() it and time until every waiter has
// resumed. Measures the wake-up path (claim, FIFO hand-off through the hub, resume).
// Each waiter is an async body that awaits the event, as users write it; two ways to see
// the end, each compared like with like against the hand-rolled raw latch (one promise
// everybody awaits): `strand` joins them all (`joinAll`; raw: `Promise.all`), and
// `strand-counter` counts the wake-ups and sets a second Event at the last one (raw:
// `raw-counter` resolves a promise at the last one, the raw latch of issue 17's table).

import { Effect, Fiber, Latch } from 'effect'
import { Event, type Greenlet, joinAll, sleep, spawn } from 'strand'
import { now, since } from '../internal/timing.js'
import type { Workload } from '../workload.js'

function check(woken: number, n: number): void {
  if (woken !== n) throw new Error(`W5: ${woken} waiters woke for n = ${n}`)
}

export const workload: Workload = {
  id: 'W5',
  title: 'Event.set() waking 100k waiting greenlets',
  unit: 'wake-ups/s',
  kind: 'throughput',
  n: 100_000,
  target: '≥ 0.5× raw latch (joined, and counted) and ≥ 2× effect',
  goals: [
    { peer: 'raw', ratio: 0.5 },
    { of: 'strand-counter', peer: 'raw-counter', ratio: 0.5 },
    { peer: 'effect', ratio: 2 },
  ],
  peers: {
    strand: async (n) => {
      const ev = new Event()
      let parked = 0
      let woken = 0
      const gs: Greenlet[] = new Array(n)
      for (let i = 0; i < n; i++) {
        gs[i] = spawn(async () => {
          parked++
          await ev.wait()
          woken++
        })
      }
      while (parked < n) await sleep(0) // every greenlet starts and parks
      const start = now()
      ev.set()
      await joinAll(gs)
      const seconds = since(start)
      check(woken, n)
      return { seconds }
    },
    'strand-counter': async (n) => {
      const ev = new Event()
      const done = new Event()
      let parked = 0
      let woken = 0
      const waiter = async (): Promise<void> => {
        parked++
        await ev.wait()
        if (++woken === n) done.set()
      }
      for (let i = 0; i < n; i++) spawn(waiter)
      while (parked < n) await sleep(0)
      const start = now()
      ev.set()
      await done.wait()
      return { seconds: since(start) }
    },
    raw: async (n) => {
      let open!: () => void
      const latch = new Promise<void>((resolve) => {
        open = resolve
      })
      let woken = 0
      const ps: Promise<void>[] = new Array(n)
      for (let i = 0; i < n; i++) {
        ps[i] = (async () => {
          await latch
          woken++
        })()
      }
      const start = now()
      open()
      await Promise.all(ps)
      const seconds = since(start)
      check(woken, n)
      return { seconds }
    },
    'raw-counter': async (n) => {
      let open!: () => void
      const latch = new Promise<void>((resolve) => {
        open = resolve
      })
      let finish!: () => void
      const done = new Promise<void>((resolve) => {
        finish = resolve
      })
      let woken = 0
      for (let i = 0; i < n; i++) {
        void (async () => {
          await latch
          if (++woken === n) finish()
        })()
      }
      const start = now()
      open()
      await done
      return { seconds: since(start) }
    },
    effect: async (n) => {
      let woken = 0
      const seconds = await Effect.runPromise(
        Effect.gen(function* () {
          const latch = yield* Latch.make()
          let parked = 0
          const fibers: Fiber.Fiber<void>[] = new Array(n)
          for (let i = 0; i < n; i++) {
            fibers[i] = yield* Effect.forkChild(
              Effect.gen(function* () {
                parked++
                yield* latch.await
                woken++
              }),
            )
          }
          while (parked < n) yield* Effect.yieldNow // every fiber starts and suspends
          const start = now()
          yield* latch.open
          yield* Fiber.joinAll(fibers)
          return since(start)
        }),
      )
      check(woken, n)
      return { seconds }
    },
  },
}

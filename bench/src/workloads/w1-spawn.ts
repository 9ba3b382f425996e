// W1: the cost of a greenlet's whole life: spawn, one switch, finish, join.
// `strand` is written the way users write it (an async body that awaits and does a little
// work); `strand-tuned` is the shape that costs least (the body returns sleep's promise).

import { setImmediate as nextTurn } from 'node:timers/promises'
import { Effect, Fiber } from 'effect'
import { type Greenlet, joinAll, sleep, spawn } from 'strand'
import type { Workload } from '../workload.js'

function check(count: number, n: number): void {
  if (count !== n) throw new Error(`W1: ${count} bodies finished for n = ${n}`)
}

const once = () => sleep(0)

export const workload: Workload = {
  id: 'W1',
  title: 'spawn+join 100k greenlets, each doing one sleep(0)',
  unit: 'greenlets/s',
  kind: 'throughput',
  n: 100_000,
  target: '≥ 0.8× raw (setImmediate) and ≥ 1.5× effect',
  goals: [
    { peer: 'raw', ratio: 0.8 },
    { peer: 'effect', ratio: 1.5 },
  ],
  peers: {
    strand: async (n) => {
      let count = 0
      const gs: Greenlet[] = new Array(n)
      for (let i = 0; i < n; i++) {
        gs[i] = spawn(async () => {
          await sleep(0)
          count++
        })
      }
      await joinAll(gs)
      check(count, n)
    },
    'strand-tuned': async (n) => {
      const gs: Greenlet[] = new Array(n)
      for (let i = 0; i < n; i++) gs[i] = spawn(once)
      await joinAll(gs)
    },
    raw: async (n) => {
      let count = 0
      const ps: Promise<void>[] = new Array(n)
      for (let i = 0; i < n; i++) {
        ps[i] = (async () => {
          await nextTurn()
          count++
        })()
      }
      await Promise.all(ps)
      check(count, n)
    },
    'raw-microtask': async (n) => {
      let count = 0
      const ps: Promise<void>[] = new Array(n)
      for (let i = 0; i < n; i++) {
        ps[i] = (async () => {
          await null // the floor of any promise-based task
          count++
        })()
      }
      await Promise.all(ps)
      check(count, n)
    },
    effect: async (n) => {
      let count = 0
      await Effect.runPromise(
        Effect.gen(function* () {
          const fibers: Fiber.Fiber<void>[] = new Array(n)
          for (let i = 0; i < n; i++) {
            fibers[i] = yield* Effect.forkChild(
              Effect.gen(function* () {
                yield* Effect.yieldNow
                count++
              }),
            )
          }
          yield* Fiber.joinAll(fibers)
        }),
      )
      check(count, n)
    },
  },
}

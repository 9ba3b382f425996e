// W2: the cost of one cooperative switch, with a few busy greenlets taking turns.

import { setImmediate as nextTurn } from 'node:timers/promises'
import { Effect, Fiber } from 'effect'
import { type Greenlet, joinAll, sleep, spawn } from 'strand'
import type { Workload } from '../workload.js'

const WORKERS = 10

function check(count: number, n: number): void {
  if (count !== n) throw new Error(`W2: ${count} switches for n = ${n}`)
}

export const workload: Workload = {
  id: 'W2',
  title: '10 greenlets × 100k sleep(0)',
  unit: 'switches/s',
  kind: 'throughput',
  n: 1_000_000,
  target: '≥ 1.5× effect',
  goals: [{ peer: 'effect', ratio: 1.5 }],
  peers: {
    strand: async (n) => {
      const per = Math.ceil(n / WORKERS)
      let count = 0
      const gs: Greenlet[] = []
      for (let w = 0; w < WORKERS; w++) {
        gs.push(
          spawn(async () => {
            for (let i = 0; i < per; i++) {
              await sleep(0)
              count++
            }
          }),
        )
      }
      await joinAll(gs)
      check(count, per * WORKERS)
    },
    raw: async (n) => {
      const per = Math.ceil(n / WORKERS)
      let count = 0
      const ps: Promise<void>[] = []
      for (let w = 0; w < WORKERS; w++) {
        ps.push(
          (async () => {
            for (let i = 0; i < per; i++) {
              await nextTurn()
              count++
            }
          })(),
        )
      }
      await Promise.all(ps)
      check(count, per * WORKERS)
    },
    effect: async (n) => {
      const per = Math.ceil(n / WORKERS)
      let count = 0
      await Effect.runPromise(
        Effect.gen(function* () {
          const fibers: Fiber.Fiber<void>[] = []
          for (let w = 0; w < WORKERS; w++) {
            const loop = Effect.gen(function* () {
              for (let i = 0; i < per; i++) {
                yield* Effect.yieldNow
                count++
              }
            })
            fibers.push(yield* Effect.forkChild(loop))
          }
          yield* Fiber.joinAll(fibers)
        }),
      )
      check(count, per * WORKERS)
    },
  },
}

// W2: the cost of one cooperative switch, with a few busy greenlets taking turns.

import { setImmediate as nextTurn } from 'node:timers/promises'
import { Effect, Fiber } from 'effect'
import { type Greenlet, joinAll, sleep, spawn } from 'strand'
import type { Workload } from '../workload.js'

const WORKERS = 10

async function strandLoop(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await sleep(0)
}

async function rawLoop(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await nextTurn()
}

function effectLoop(count: number) {
  return Effect.gen(function* () {
    for (let i = 0; i < count; i++) yield* Effect.yieldNow
  })
}

function effectProgram(n: number) {
  return Effect.gen(function* () {
    const fibers: Fiber.Fiber<void>[] = []
    for (let i = 0; i < WORKERS; i++) fibers.push(yield* Effect.forkChild(effectLoop(n / WORKERS)))
    yield* Fiber.joinAll(fibers)
  })
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
      const gs: Greenlet[] = []
      for (let i = 0; i < WORKERS; i++) gs.push(spawn(strandLoop, n / WORKERS))
      await joinAll(gs)
    },
    raw: async (n) => {
      const ps: Promise<void>[] = []
      for (let i = 0; i < WORKERS; i++) ps.push(rawLoop(n / WORKERS))
      await Promise.all(ps)
    },
    effect: (n) => Effect.runPromise(effectProgram(n)),
  },
}

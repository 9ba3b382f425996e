// W1: the cost of a greenlet's whole life: spawn, one switch, finish, join.

import { setImmediate as nextTurn } from 'node:timers/promises'
import { Effect, Fiber } from 'effect'
import { type Greenlet, joinAll, sleep, spawn } from 'strand'
import type { Workload } from '../workload.js'

const once = () => sleep(0)

async function rawImmediate(): Promise<void> {
  await nextTurn()
}

async function rawMicrotask(): Promise<void> {
  await null
}

function effectProgram(n: number) {
  return Effect.gen(function* () {
    const fibers: Fiber.Fiber<void>[] = new Array(n)
    for (let i = 0; i < n; i++) fibers[i] = yield* Effect.forkChild(Effect.yieldNow)
    yield* Fiber.joinAll(fibers)
  })
}

export const workload: Workload = {
  id: 'W1',
  title: 'spawn+join 100k greenlets, each doing one sleep(0)',
  unit: 'greenlets/s',
  kind: 'throughput',
  n: 100_000,
  target: '≥ effect and ≥ 0.7× raw',
  goals: [
    { peer: 'effect', ratio: 1 },
    { peer: 'raw', ratio: 0.7 },
  ],
  peers: {
    strand: async (n) => {
      const gs: Greenlet[] = new Array(n)
      for (let i = 0; i < n; i++) gs[i] = spawn(once)
      await joinAll(gs)
    },
    raw: async (n) => {
      const ps: Promise<void>[] = new Array(n)
      for (let i = 0; i < n; i++) ps[i] = rawImmediate()
      await Promise.all(ps)
    },
    'raw-microtask': async (n) => {
      const ps: Promise<void>[] = new Array(n)
      for (let i = 0; i < n; i++) ps[i] = rawMicrotask()
      await Promise.all(ps)
    },
    effect: (n) => Effect.runPromise(effectProgram(n)),
  },
}

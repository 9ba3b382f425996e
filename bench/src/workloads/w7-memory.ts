// W7: what an idle greenlet costs: heap bytes (and RSS, in the notes) per greenlet
// blocked in sleep(60), each spawned with an inline async body as users write it.
import { Effect, Fiber } from 'effect'
import { type Greenlet, killAll, sleep, spawn } from 'strand'
import { perItem, snapshot } from '../internal/memory.js'
import type { Workload } from '../workload.js'

// a raw "blocked task": an async function awaiting a 60 s timer it can be woken from
async function rawBlocked(timers: NodeJS.Timeout[], i: number): Promise<void> {
  await new Promise<void>((resolve) => {
    timers[i] = setTimeout(resolve, 60_000)
  })
}

export const workload: Workload = {
  id: 'W7',
  title: 'bytes per idle greenlet (100k blocked in sleep(60))',
  unit: 'bytes/greenlet',
  kind: 'memory',
  n: 100_000,
  target: '≤ 2 KB per greenlet and ≤ 0.9× effect (heap and RSS)',
  goals: [
    { value: 2048 },
    { peer: 'effect', ratio: 1 / 0.9 },
    { peer: 'effect', ratio: 1 / 0.9, metric: 'RSS' },
  ],
  peers: {
    strand: async (n) => {
      // a finished joinAll/killAll stays reachable from its caller until the caller's
      // next wait (core keeps the last Waiter): wait once so the warm-up's greenlets go
      await sleep(0)
      const before = snapshot()
      const gs: Greenlet[] = new Array(n)
      for (let i = 0; i < n; i++) {
        gs[i] = spawn(async () => {
          await sleep(60)
        })
      }
      await sleep(0) // every greenlet starts and parks
      const after = snapshot()
      await killAll(gs)
      return perItem(before, after, n)
    },
    raw: async (n) => {
      const before = snapshot()
      const timers: NodeJS.Timeout[] = new Array(n)
      const ps: Promise<void>[] = new Array(n)
      for (let i = 0; i < n; i++) ps[i] = rawBlocked(timers, i)
      const after = snapshot()
      for (const t of timers) clearTimeout(t)
      ps.length = 0 // (keeps the promises reachable until after the snapshot)
      return perItem(before, after, n)
    },
    effect: (n) =>
      Effect.runPromise(
        Effect.gen(function* () {
          const before = snapshot()
          const fibers: Fiber.Fiber<void>[] = new Array(n)
          for (let i = 0; i < n; i++)
            fibers[i] = yield* Effect.forkChild(Effect.sleep('60 seconds'))
          yield* Effect.yieldNow // every fiber starts and suspends
          const after = snapshot()
          yield* Fiber.interruptAll(fibers)
          return perItem(before, after, n)
        }),
      ),
  },
}

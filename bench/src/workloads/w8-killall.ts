// W8: how fast a crowd of blocked greenlets can be stopped (shutdown, cancelling a batch).

import { setTimeout as delay } from 'node:timers/promises'
import { Effect, Fiber } from 'effect'
import { type Greenlet, killAll, sleep, spawn } from 'strand'
import { now, since } from '../internal/timing.js'
import type { Workload } from '../workload.js'

async function rawBlocked(signal: AbortSignal): Promise<void> {
  try {
    await delay(60_000, undefined, { signal })
  } catch {
    // aborted: the task ends
  }
}

export const workload: Workload = {
  id: 'W8',
  title: 'killAll of 100k blocked greenlets',
  unit: 'greenlets/s killed',
  kind: 'throughput',
  n: 100_000,
  target: 'well under 1 s (≥ 100k/s)',
  goals: [{ value: 100_000 }],
  peers: {
    strand: async (n) => {
      const gs: Greenlet[] = new Array(n)
      for (let i = 0; i < n; i++) {
        gs[i] = spawn(async () => {
          await sleep(60)
        })
      }
      await sleep(0) // every greenlet starts and parks
      const start = now()
      await killAll(gs)
      return { seconds: since(start) }
    },
    raw: async (n) => {
      const controllers: AbortController[] = new Array(n)
      const ps: Promise<void>[] = new Array(n)
      for (let i = 0; i < n; i++) {
        const c = new AbortController()
        controllers[i] = c
        ps[i] = rawBlocked(c.signal)
      }
      await delay(0)
      const start = now()
      for (const c of controllers) c.abort()
      await Promise.all(ps)
      return { seconds: since(start) }
    },
    effect: (n) =>
      Effect.runPromise(
        Effect.gen(function* () {
          const fibers: Fiber.Fiber<void>[] = new Array(n)
          for (let i = 0; i < n; i++)
            fibers[i] = yield* Effect.forkChild(Effect.sleep('60 seconds'))
          yield* Effect.yieldNow // every fiber starts and suspends
          const start = now()
          yield* Fiber.interruptAll(fibers)
          return { seconds: since(start) }
        }),
      ),
  },
}

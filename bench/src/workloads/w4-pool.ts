// W4: bounded-concurrency mapping — 300k items through 10 workers, each task an async
// identity with one yield (strand: sleep(0); the others: setImmediate, effect: yieldNow),
// results consumed as they finish. Every peer's task is an inline async function, the
// way the READMEs write it.

import { setImmediate as nextTurn } from 'node:timers/promises'
import { Effect } from 'effect'
import pLimit from 'p-limit'
import pMap from 'p-map'
import { Pool, sleep } from 'strand'
import type { Workload } from '../workload.js'

const CONCURRENCY = 10

function range(n: number): number[] {
  const items = new Array<number>(n)
  for (let i = 0; i < n; i++) items[i] = i
  return items
}

function check(sum: number, n: number): void {
  if (sum !== (n * (n - 1)) / 2) throw new Error(`W4: wrong sum ${sum} for n = ${n}`)
}

export const workload: Workload = {
  id: 'W4',
  title: 'Pool(10).imapUnordered × 300k items',
  unit: 'items/s',
  kind: 'throughput',
  n: 300_000,
  target: '≥ 1.3× p-map and ≥ 0.6× raw (worker loop)',
  goals: [
    { peer: 'p-map', ratio: 1.3 },
    { peer: 'raw', ratio: 0.6 },
  ],
  peers: {
    strand: async (n) => {
      const pool = new Pool(CONCURRENCY)
      let sum = 0
      for await (const x of pool.imapUnordered(async (x: number) => {
        await sleep(0)
        return x
      }, range(n)))
        sum += x
      check(sum, n)
    },
    'p-map': async (n) => {
      const out = await pMap(
        range(n),
        async (x) => {
          await nextTurn()
          return x
        },
        { concurrency: CONCURRENCY },
      )
      let sum = 0
      for (const x of out) sum += x
      check(sum, n)
    },
    'p-limit': async (n) => {
      const limit = pLimit(CONCURRENCY)
      const out = await Promise.all(
        range(n).map((x) =>
          limit(async () => {
            await nextTurn()
            return x
          }),
        ),
      )
      let sum = 0
      for (const x of out) sum += x
      check(sum, n)
    },
    effect: async (n) => {
      const out = await Effect.runPromise(
        Effect.forEach(
          range(n),
          (x) =>
            Effect.gen(function* () {
              yield* Effect.yieldNow
              return x
            }),
          { concurrency: CONCURRENCY },
        ),
      )
      let sum = 0
      for (const x of out) sum += x
      check(sum, n)
    },
    raw: async (n) => {
      // the hand-rolled worker loop: CONCURRENCY async loops pulling from one iterator,
      // each awaiting the same async task the other peers map with
      const task = async (x: number): Promise<number> => {
        await nextTurn()
        return x
      }
      const it = range(n)[Symbol.iterator]()
      let sum = 0
      const worker = async (): Promise<void> => {
        for (let step = it.next(); step.done !== true; step = it.next()) {
          const x = await task(step.value) // not `sum += await …`: that reads sum first
          sum += x
        }
      }
      const workers: Promise<void>[] = []
      for (let i = 0; i < CONCURRENCY; i++) workers.push(worker())
      await Promise.all(workers)
      check(sum, n)
    },
  },
}

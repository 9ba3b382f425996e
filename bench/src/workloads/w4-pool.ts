// W4: bounded-concurrency mapping — 300k items through 10 workers, each task an async
// identity with one yield (strand: sleep(0); the others: setImmediate), results consumed
// as they finish.

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

async function strandEcho(x: number): Promise<number> {
  await sleep(0)
  return x
}

async function promiseEcho(x: number): Promise<number> {
  await nextTurn()
  return x
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
  target: '≥ p-map',
  goals: [{ peer: 'p-map', ratio: 1 }],
  peers: {
    strand: async (n) => {
      const pool = new Pool(CONCURRENCY)
      let sum = 0
      for await (const x of pool.imapUnordered(strandEcho, range(n))) sum += x
      check(sum, n)
    },
    'p-map': async (n) => {
      const out = await pMap(range(n), promiseEcho, { concurrency: CONCURRENCY })
      let sum = 0
      for (const x of out) sum += x
      check(sum, n)
    },
    'p-limit': async (n) => {
      const limit = pLimit(CONCURRENCY)
      const out = await Promise.all(range(n).map((x) => limit(promiseEcho, x)))
      let sum = 0
      for (const x of out) sum += x
      check(sum, n)
    },
    effect: async (n) => {
      const out = await Effect.runPromise(
        Effect.forEach(range(n), (x) => Effect.as(Effect.yieldNow, x), {
          concurrency: CONCURRENCY,
        }),
      )
      let sum = 0
      for (const x of out) sum += x
      check(sum, n)
    },
    raw: async (n) => {
      const it = range(n)[Symbol.iterator]()
      let sum = 0
      const worker = async (): Promise<void> => {
        for (let step = it.next(); step.done !== true; step = it.next()) {
          const x = await promiseEcho(step.value) // not `sum += await …`: that reads sum first
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

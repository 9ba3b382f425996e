// W12b: the cost of a task round trip — 10,000 tasks that do nothing, on ThreadPool(2)
// (map, and apply from one greenlet each as spawn does) against piscina used directly.

import { Piscina } from 'piscina'
import { joinAll } from 'strand'
import { ThreadPool } from 'strand/threadpool'
import type { Workload } from '../workload.js'

const TASKS = new URL('../workers/hash-tasks.js', import.meta.url)
const SIZE = 2

let strandPool: ThreadPool<typeof import('../workers/hash-tasks.js')> | null = null
let piscina: Piscina | null = null

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i)
}

function check(out: number[], n: number): void {
  let sum = 0
  for (const x of out) sum += x
  if (sum !== (n * (n - 1)) / 2) throw new Error(`W12b: wrong sum ${sum} for n = ${n}`)
}

export const workload: Workload = {
  id: 'W12b',
  title: '10,000 empty tasks on 2 threads (round-trip cost)',
  unit: 'tasks/s',
  kind: 'throughput',
  n: 10_000,
  target: 'per-task overhead vs piscina (reported)',
  peers: {
    strand: async (n) => {
      strandPool ??= new ThreadPool({ filename: TASKS, size: SIZE })
      check(await strandPool.map('echo', range(n)), n)
    },
    'strand-spawn': async (n) => {
      strandPool ??= new ThreadPool({ filename: TASKS, size: SIZE })
      const pool = strandPool
      const gs = range(n).map((x) => pool.spawn('echo', x))
      await joinAll(gs)
      check(
        gs.map((g) => g.value as number),
        n,
      )
    },
    piscina: async (n) => {
      piscina ??= new Piscina({ filename: TASKS.href, minThreads: SIZE, maxThreads: SIZE })
      const pool = piscina
      check(await Promise.all(range(n).map((x) => pool.run(x, { name: 'echo' }))), n)
    },
  },
}

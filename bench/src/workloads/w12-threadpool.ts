// W12: CPU-bound work on threads — 2,000 tasks of a fixed amount of hashing (~1 ms each)
// on ThreadPool(2), against the same on the main thread and against piscina used
// directly. Each peer keeps its pool across runs (threads start in the warm-up run).

import { Piscina } from 'piscina'
import { ThreadPool } from 'strand/threadpool'
import { hash } from '../workers/hash-tasks.js'
import type { Workload } from '../workload.js'

const TASKS = new URL('../workers/hash-tasks.js', import.meta.url)
const SIZE = 2

let strandPool: ThreadPool<typeof import('../workers/hash-tasks.js')> | null = null
let piscina: Piscina | null = null

function seeds(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i)
}

function check(digests: string[], n: number): void {
  if (digests.length !== n || digests[n - 1] !== hash(n - 1)) {
    throw new Error(`W12: wrong digests for n = ${n}`)
  }
}

export const workload: Workload = {
  id: 'W12',
  title: '2,000 hashing tasks (~1 ms each) on 2 threads',
  unit: 'tasks/s',
  kind: 'throughput',
  n: 2_000,
  target: '≥ 1.7× main thread; ≥ 0.91× piscina (overhead ≤ 10%)',
  goals: [
    { peer: 'main-thread', ratio: 1.7 },
    { peer: 'piscina', ratio: 0.91 },
  ],
  peers: {
    strand: async (n) => {
      strandPool ??= new ThreadPool({ filename: TASKS, size: SIZE })
      check(await strandPool.map('hash', seeds(n)), n)
    },
    piscina: async (n) => {
      piscina ??= new Piscina({ filename: TASKS.href, minThreads: SIZE, maxThreads: SIZE })
      const pool = piscina
      check(await Promise.all(seeds(n).map((s) => pool.run(s, { name: 'hash' }))), n)
    },
    'main-thread': async (n) => {
      check(seeds(n).map(hash), n)
    },
  },
}

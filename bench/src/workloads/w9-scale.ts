// W9: does a greenlet cost the same when there are a million? N greenlets each sleep a
// short random time (seeded, up to 5 ms) and finish; the caller joins them all. The
// value is CPU time per greenlet (see internal/cost.ts: the sleeps themselves cost no
// CPU); wall time and RSS per greenlet are in the notes. Sizes below 100k repeat the round
// until 100k greenlets have run, so the 1k figure is not one millisecond of noise. The
// `raw` peers do the same with async functions awaiting timers/promises' setTimeout.

import { setTimeout as delay } from 'node:timers/promises'
import { type Greenlet, joinAll, sleep, spawn } from 'strand'
import { mulberry32 } from '../../../packages/test-kit/src/mulberry32.js'
import { costPerItem } from '../internal/cost.js'
import type { Workload } from '../workload.js'

const SEED = 17
const MAX_SLEEP = 0.005
const MIN_GREENLETS = 100_000

/** One round: n greenlets sleep and finish; returns the RSS once they have all started. */
async function round(n: number, rand: () => number): Promise<number> {
  let finished = 0
  const gs: Greenlet[] = new Array(n)
  for (let i = 0; i < n; i++) {
    const seconds = rand() * MAX_SLEEP
    gs[i] = spawn(async () => {
      await sleep(seconds)
      finished++
    })
  }
  await sleep(0) // queued behind every start: all have started (and parked, or finished)
  const rss = process.memoryUsage.rss()
  await joinAll(gs)
  if (finished !== n) throw new Error(`W9: ${finished} of ${n} greenlets finished`)
  return rss
}

/** The same round with raw async functions awaiting a timers/promises setTimeout. */
async function rawRound(n: number, rand: () => number): Promise<number> {
  let finished = 0
  const ps: Promise<void>[] = new Array(n)
  for (let i = 0; i < n; i++) {
    const ms = rand() * MAX_SLEEP * 1000
    ps[i] = (async () => {
      await delay(ms)
      finished++
    })()
  }
  await delay(0)
  const rss = process.memoryUsage.rss()
  await Promise.all(ps)
  if (finished !== n) throw new Error(`W9: ${finished} of ${n} raw tasks finished`)
  return rss
}

function scaleWith(once: typeof round) {
  return (n: number) => {
    const rand = mulberry32(SEED)
    const rounds = Math.min(100, Math.max(1, Math.ceil(MIN_GREENLETS / n)))
    return costPerItem(n * rounds, async () => {
      let full = 0
      for (let r = 0; r < rounds; r++) full = Math.max(full, await once(n, rand))
      return full
    })
  }
}

const scale = scaleWith(round)
const rawScale = scaleWith(rawRound)

export const workload: Workload = {
  id: 'W9',
  title: 'N greenlets each sleep a random 0–5 ms, then joinAll',
  unit: 'CPU µs/greenlet',
  kind: 'time',
  n: 1_000_000,
  sizes: {
    'N=1k': 1_000,
    'N=10k': 10_000,
    'N=100k': 100_000,
    'N=1M': 1_000_000,
    'raw N=1k': 1_000,
    'raw N=1M': 1_000_000,
  },
  subject: 'N=1M',
  target: 'per-greenlet time at 1M ≤ 1.5× that at 1k',
  goals: [{ peer: 'N=1k', ratio: 1 / 1.5 }],
  nodeArgs: ['--max-old-space-size=8192'],
  peers: {
    'N=1k': scale,
    'N=10k': scale,
    'N=100k': scale,
    'N=1M': scale,
    // for reference: what V8 itself charges at each end (promises and Node timers)
    'raw N=1k': rawScale,
    'raw N=1M': rawScale,
  },
}

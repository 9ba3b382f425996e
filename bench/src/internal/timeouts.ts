import { type Greenlet, getHub, joinAll, sleep, spawn, VirtualClock } from 'strand'
import { mulberry32 } from '../../../packages/test-kit/src/mulberry32.js'
import type { Measurement, Workload } from '../workload.js'
import { costPerItem } from './cost.js'

/** Every waiter of a W9b–W9d workload times out after 50 to 100 ms (of the virtual clock). */
const BASE_TIMEOUT = 0.05
const JITTER = 0.05
const SEED = 10

/** The shared object the waiters wait on, made fresh for each run. */
export interface Target {
  /** One wait on the shared object that must time out; resolves true when it did. */
  waitOnce(timeout: number): Promise<boolean>
  /** Cleans up after the run (e.g. kills the greenlet everybody joined). */
  close?(): Promise<void>
}

/**
 * The order the waits time out in. `random`: each waiter has its own deadline (seeded),
 * as callers with their own deadlines do; `same`: one timeout for all, so they time out
 * in the order they began (the common case); `last-first`: the last to start waiting
 * times out first (the worst case for an unlink that searches the list from its start).
 */
type Order = 'random' | 'same' | 'last-first'

function timeouts(n: number, order: Order): number[] {
  const rand = mulberry32(SEED)
  const out = new Array<number>(n)
  for (let i = 0; i < n; i++) {
    const at = order === 'random' ? rand() : order === 'same' ? 0.5 : 1 - i / n
    out[i] = BASE_TIMEOUT + at * JITTER
  }
  return out
}

let virtual = false

/**
 * The hub's VirtualClock: time jumps to the next deadline only when nothing is ready, so
 * every wait is registered before the first one times out, and no run sits idle. (With
 * the real clock the first waits of a big N time out while later ones are still
 * starting, so the shared list never holds all of them, and a loaded machine decides
 * how long it gets.) The unlink measured is the same either way.
 */
function useVirtualClock(): void {
  if (virtual) return
  virtual = true
  getHub().useClock(new VirtualClock())
}

/** Smaller sizes repeat their round until this many waits have timed out (less noise). */
const MIN_WAITERS = 50_000

/** One round: n greenlets wait once on a fresh target and all time out; the RSS seen. */
async function round(id: string, n: number, order: Order, make: () => Target): Promise<number> {
  useVirtualClock()
  const target = make()
  const deadlines = timeouts(n, order)
  try {
    let timedOut = 0
    const gs: Greenlet[] = new Array(n)
    for (let i = 0; i < n; i++) {
      const timeout = deadlines[i] as number
      gs[i] = spawn(async () => {
        if (await target.waitOnce(timeout)) timedOut++
      })
    }
    await sleep(0) // queued behind every start: all have started and parked
    const rss = process.memoryUsage.rss()
    await joinAll(gs)
    if (timedOut !== n) throw new Error(`${id}: ${timedOut} of ${n} waits timed out`)
    return rss
  } finally {
    await target.close?.()
  }
}

/** The cost per waiter of rounds of n waiters (see {@link costPerItem}). */
function timeoutCost(
  id: string,
  n: number,
  order: Order,
  make: () => Target,
): Promise<Measurement> {
  const rounds = Math.min(8, Math.max(1, Math.ceil(MIN_WAITERS / n)))
  return costPerItem(n * rounds, async () => {
    let full = 0
    for (let r = 0; r < rounds; r++) full = Math.max(full, await round(id, n, order, make))
    return full
  })
}

/**
 * A W9b–W9d workload: one peer per size, 12.5k to 100k waiters on ONE shared object, every
 * wait timing out in a random order, and 100k timing out in the other two orders. The
 * value is CPU µs per waiter (sizes under 100k run rounds until 50k waits have timed
 * out, each round on a fresh shared object); the goals: flat (100k ≤ 1.5× 12.5k) in
 * every order.
 */
export function timeoutWorkload(id: string, title: string, make: () => Target): Workload {
  const peer = (order: Order) => (n: number) => timeoutCost(id, n, order, make)
  return {
    id,
    title: `${title}, N waiters time out`,
    unit: 'CPU µs/waiter',
    kind: 'time',
    n: 100_000,
    sizes: {
      'N=12.5k': 12_500,
      'N=25k': 25_000,
      'N=50k': 50_000,
      'N=100k': 100_000,
      'N=100k same timeout': 100_000,
      'N=100k last-first': 100_000,
    },
    subject: 'N=100k',
    target: 'cost per waiter at 100k ≤ 1.5× that at 12.5k, in every order (O(1) unlink)',
    goals: [
      { peer: 'N=12.5k', ratio: 1 / 1.5 },
      { of: 'N=100k same timeout', peer: 'N=12.5k', ratio: 1 / 1.5 },
      { of: 'N=100k last-first', peer: 'N=12.5k', ratio: 1 / 1.5 },
    ],
    peers: {
      'N=12.5k': peer('random'),
      'N=25k': peer('random'),
      'N=50k': peer('random'),
      'N=100k': peer('random'),
      'N=100k same timeout': peer('same'),
      'N=100k last-first': peer('last-first'),
    },
  }
}

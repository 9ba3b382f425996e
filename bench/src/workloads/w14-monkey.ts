// W14: the cost of @strand/monkey's plumbing on a patched call, inside greenlets. 100
// greenlets each await `setTimeout(0)` from node:timers/promises in a loop, as users
// write it; `strand` runs them with the timers patched (each call becomes a hub wait on
// a callback timer that a kill or Timeout clears), `unpatched` without. The 1 ms timer
// floor is shared by both, so what differs is the CPU cost per call.

import { setTimeout as delay } from 'node:timers/promises'
import { joinAll, spawn } from 'strand'
import { patchTimers } from 'strand/monkey'
import type { Workload } from '../workload.js'

/** Concurrent loops: enough timers per turn that the per-call cost shows. */
export const LOOPS = 1000

// looked up at call time, so a patch applied by the peer is the one awaited
async function loop(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await delay(0)
}

async function inGreenlets(n: number): Promise<void> {
  const per = Math.max(1, Math.round(n / LOOPS))
  await joinAll(Array.from({ length: LOOPS }, () => spawn(loop, per)))
}

/** The same loops as plain async functions, outside any greenlet. */
export async function outsideGreenlets(n: number): Promise<void> {
  const per = Math.max(1, Math.round(n / LOOPS))
  await Promise.all(Array.from({ length: LOOPS }, () => loop(per)))
}

/** Patches the timers once per process (a peer runs in a fresh process). */
export function patchOnce(): void {
  patchTimers()
}

export const workload: Workload = {
  id: 'W14',
  title: `patched setTimeout(0) from timers/promises, ${LOOPS} greenlets awaiting in a loop`,
  unit: 'calls/s',
  kind: 'throughput',
  n: 200_000,
  target: 'cost per call ≤ 1.3× unpatched (≥ 0.77× its calls/s)',
  goals: [{ peer: 'unpatched', ratio: 1 / 1.3 }],
  peers: {
    strand: async (n) => {
      patchOnce()
      await inGreenlets(n)
    },
    unpatched: (n) => inGreenlets(n),
  },
}

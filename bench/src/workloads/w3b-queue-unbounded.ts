// W3b: an unbounded queue — one producer putting 300k items (puts never block), 4
// consumers taking them. Measures the plain put/get path and the hand-off to waiting getters.
// `strand` iterates and shuts down as users write it; `strand-tuned` uses get() + end marker.

import { Queue as EffectQueue } from 'effect'
import { Queue } from 'strand'
import type { Workload } from '../workload.js'
import { check, effectRun, RawQueue, rawRun, strandIterate, strandRun } from './w3-queue.js'

const identity = (i: number): number => i

export const workload: Workload = {
  id: 'W3b',
  title: 'unbounded Queue: 1 producer × 300k items, 4 consumers',
  unit: 'items/s',
  kind: 'throughput',
  n: 300_000,
  target: '≥ 0.5× raw (hand-rolled queue) and ≥ 2.5× effect',
  goals: [
    { peer: 'raw', ratio: 0.5 },
    { peer: 'effect', ratio: 2.5 },
  ],
  peers: {
    strand: async (n) => check(await strandIterate(new Queue(), identity, n), n, 'W3b'),
    'strand-tuned': async (n) => check(await strandRun(new Queue(), identity, n), n, 'W3b'),
    effect: async (n) => check(await effectRun(EffectQueue.unbounded<number>(), n), n, 'W3b'),
    raw: async (n) =>
      check(await rawRun(new RawQueue(Number.POSITIVE_INFINITY), identity, n), n, 'W3b'),
  },
}

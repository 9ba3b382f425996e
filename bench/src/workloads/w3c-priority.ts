// W3c: PriorityQueue(maxsize 64) — one producer putting 300k items in scrambled order,
// 4 consumers taking the smallest first. Measures the heap (O(log n)) under back-pressure.
// effect has no non-transactional priority queue, so the peer is a hand-rolled heap.
// `strand` iterates and shuts down as users write it; `strand-tuned` uses get() + end marker.

import { PriorityQueue } from 'strand'
import type { Workload } from '../workload.js'
import { check, RawQueue, type RawStore, rawRun, strandIterate, strandRun } from './w3-queue.js'

const CAPACITY = 64
/** The end marker must sort after every item. */
const DONE = Number.MAX_SAFE_INTEGER

/** A permutation of 0..n-1 (7919 is prime, so unless it divides n), so the sum check holds. */
function scramble(n: number): (i: number) => number {
  return (i) => (i * 7919) % n
}

/** A plain binary min-heap of numbers (not stable: numbers need no tie-break). */
class NumberHeap implements RawStore<number> {
  private readonly a: number[] = []

  get length(): number {
    return this.a.length
  }

  push(v: number): void {
    const a = this.a
    let i = a.length
    a.push(v)
    while (i > 0) {
      const p = (i - 1) >> 1
      const pv = a[p] as number
      if (pv <= v) break
      a[i] = pv
      i = p
    }
    a[i] = v
  }

  shift(): number {
    const a = this.a
    const top = a[0] as number
    const last = a.pop() as number
    const n = a.length
    if (n > 0) {
      let i = 0
      for (;;) {
        let c = 2 * i + 1
        if (c >= n) break
        if (c + 1 < n && (a[c + 1] as number) < (a[c] as number)) c++
        if ((a[c] as number) >= last) break
        a[i] = a[c] as number
        i = c
      }
      a[i] = last
    }
    return top
  }
}

export const workload: Workload = {
  id: 'W3c',
  title: 'PriorityQueue(maxsize 64): 1 producer × 300k items, 4 consumers',
  unit: 'items/s',
  kind: 'throughput',
  n: 300_000,
  target: '≥ 0.5× raw',
  goals: [{ peer: 'raw', ratio: 0.5 }],
  peers: {
    strand: async (n) =>
      check(
        await strandIterate(new PriorityQueue({ maxsize: CAPACITY }), scramble(n), n),
        n,
        'W3c',
      ),
    'strand-tuned': async (n) =>
      check(
        await strandRun(new PriorityQueue({ maxsize: CAPACITY }), scramble(n), n, DONE),
        n,
        'W3c',
      ),
    raw: async (n) =>
      check(await rawRun(new RawQueue(CAPACITY, new NumberHeap()), scramble(n), n, DONE), n, 'W3c'),
  },
}

import { describe, expect, it } from 'vitest'
import { advantage, goalsMet, renderTable, type WorkloadRun } from '../src/internal/report.js'
import type { Outcome } from '../src/internal/run-pair.js'
import { summarize } from '../src/internal/summary.js'
import type { Workload } from '../src/workload.js'

const noop = async (): Promise<void> => {}

function workload(over: Partial<Workload>): Workload {
  return {
    id: 'WX',
    title: 'test',
    unit: 'ops/s',
    kind: 'throughput',
    n: 10,
    peers: { strand: noop, raw: noop },
    ...over,
  }
}

function ok(peer: string, runs: number[], extra?: Record<string, number[]>): Outcome {
  return {
    ok: true,
    seconds: 1,
    result: { id: 'WX', peer, n: 10, runs, ...(extra === undefined ? {} : { extra }) },
  }
}

/** A run whose peers each got one process per repetition, with these values. */
function run(w: Workload, values: Record<string, (number | string)[]>): WorkloadRun {
  const peers = new Map(
    Object.entries(values).map(([peer, vs]) => [
      peer,
      summarize(
        w,
        peer,
        vs.map((v) =>
          typeof v === 'string' ? { ok: false as const, error: v, seconds: 1 } : ok(peer, [v]),
        ),
      ),
    ]),
  )
  return { workload: w, peers, reps: Math.max(...Object.values(values).map((v) => v.length)) }
}

describe('summarize()', () => {
  it('takes the median over processes and the best single run of any process', () => {
    const w = workload({})
    const s = summarize(w, 'strand', [ok('strand', [5]), ok('strand', [1, 3]), ok('strand', [9])])
    expect(s.samples).toEqual([5, 2, 9]) // each process's own median
    expect(s.median).toBe(5)
    expect(s.best).toBe(9)
    expect(s.spread).toBeCloseTo((9 - 2) / 2 / 5)
  })

  it('keeps the lowest value as the best run of a memory workload', () => {
    const s = summarize(workload({ kind: 'memory' }), 'strand', [ok('strand', [700, 650])])
    expect(s.best).toBe(650)
  })

  it('counts failed processes and summarizes the others', () => {
    const s = summarize(workload({}), 'strand', [
      ok('strand', [4], { RSS: [10] }),
      { ok: false, error: 'timed out after 60 s', seconds: 60 },
      ok('strand', [6], { RSS: [30] }),
    ])
    expect(s.median).toBe(5)
    expect(s.extra).toEqual({ RSS: 20 })
    expect(s.errors).toEqual(['timed out after 60 s'])
    expect(s.attempted).toBe(3)
  })
})

describe('goalsMet()', () => {
  it('checks a throughput ratio on the medians, not the best runs', () => {
    const w = workload({ goals: [{ peer: 'raw', ratio: 0.8 }] })
    // best strand run 9 ÷ raw 10 would pass; the medians 7 ÷ 10 do not
    expect(goalsMet(run(w, { strand: [7, 9, 6], raw: [10, 10, 10] }))).toBe(false)
    expect(goalsMet(run(w, { strand: [8, 9, 8], raw: [10, 10, 10] }))).toBe(true)
  })

  it('reads "at most 0.9× the peer" for memory as ratio 1 / 0.9, also on an extra metric', () => {
    const w = workload({
      kind: 'memory',
      unit: 'bytes/greenlet',
      peers: { strand: noop, effect: noop },
      goals: [{ peer: 'effect', ratio: 1 / 0.9, metric: 'RSS' }],
    })
    const mem = (strandRss: number): WorkloadRun => ({
      workload: w,
      reps: 1,
      peers: new Map([
        ['strand', summarize(w, 'strand', [ok('strand', [500], { RSS: [strandRss] })])],
        ['effect', summarize(w, 'effect', [ok('effect', [900], { RSS: [1000] })])],
      ]),
    })
    expect(goalsMet(mem(900))).toBe(true)
    expect(goalsMet(mem(950))).toBe(false)
  })

  it('checks another peer than the subject when the goal says `of`', () => {
    const w = workload({
      kind: 'time',
      unit: 'CPU µs/waiter',
      subject: 'big',
      peers: { small: noop, big: noop, worst: noop },
      goals: [
        { peer: 'small', ratio: 1 / 1.5 },
        { of: 'worst', peer: 'small', ratio: 1 / 1.5 },
      ],
    })
    expect(goalsMet(run(w, { small: [10], big: [14], worst: [14] }))).toBe(true)
    expect(goalsMet(run(w, { small: [10], big: [14], worst: [16] }))).toBe(false)
  })

  it('cannot decide while a needed peer has no result', () => {
    const w = workload({ goals: [{ peer: 'raw', ratio: 0.5 }] })
    const r = run(w, { strand: [5], raw: ['timed out after 60 s'] })
    expect(goalsMet(r)).toBeUndefined()
    expect(advantage(r, 'raw')).toBeUndefined()
  })
})

describe('renderTable()', () => {
  it('shows median and best side by side, marks the subject and states the verdict', () => {
    const w = workload({ target: '≥ 0.5× raw', goals: [{ peer: 'raw', ratio: 0.5 }] })
    const table = renderTable([run(w, { strand: [1000, 3000, 2000], raw: [3000, 3000, 3000] })])
    const strandRow = table.split('\n').find((l) => l.includes('| strand '))
    expect(strandRow).toMatch(/\| 2k\/s +\| 3k\/s +\| ±50% +\| subject +\| ≥ 0\.5× raw ✓ met/)
    expect(table).toMatch(/\| raw +\| 3k\/s +\| 3k\/s +\| ±0% +\| 0\.67× /)
  })

  it('gives each other peer its extra nanoseconds per op against the baseline', () => {
    const w = workload({ baseline: 'raw', subject: 'strand' })
    const table = renderTable([run(w, { strand: [1e6], raw: [2e6] })])
    expect(table).toContain('+500.0 ns/op vs raw')
  })
})

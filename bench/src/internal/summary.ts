import type { Workload } from '../workload.js'
import type { Outcome } from './run-pair.js'
import { best, median, spread } from './stats.js'

/** Everything the repetitions of one (workload, peer) pair gave. */
export interface PeerSummary {
  peer: string
  /** The `n` the peer ran with (the last successful process's). */
  n?: number
  /** One value per successful process (the median of its runs; one run by default). */
  samples: number[]
  /** The median of `samples`: the statistic the table, `adv.` and the goals use. */
  median: number
  /** The best single run of any process (max ops/s; min bytes or µs). */
  best: number
  /** Half the range of `samples` relative to their median. */
  spread: number
  /** Each extra number: the median over the processes of each one's median. */
  extra: Record<string, number>
  /** Why processes failed (time limit, crash), in order. */
  errors: string[]
  /** Processes started (fewer than the repetitions when a failed pair was not repeated). */
  attempted: number
  /** Wall seconds of all its processes. */
  seconds: number
}

/** Folds the outcomes of one peer's processes (one per repetition) into a summary. */
export function summarize(w: Workload, peer: string, outcomes: readonly Outcome[]): PeerSummary {
  const samples: number[] = []
  const all: number[] = []
  const extras: Record<string, number[]> = {}
  const errors: string[] = []
  let seconds = 0
  let n: number | undefined
  for (const o of outcomes) {
    seconds += o.seconds
    if (!o.ok) {
      errors.push(o.error)
      continue
    }
    n = o.result.n
    samples.push(median(o.result.runs))
    all.push(...o.result.runs)
    for (const [k, v] of Object.entries(o.result.extra ?? {})) (extras[k] ??= []).push(median(v))
  }
  const s: PeerSummary = {
    peer,
    samples,
    median: median(samples),
    best: all.length > 0 ? best(w.kind, all) : Number.NaN,
    spread: spread(samples),
    extra: Object.fromEntries(Object.entries(extras).map(([k, v]) => [k, median(v)])),
    errors,
    attempted: outcomes.length,
    seconds,
  }
  if (n !== undefined) s.n = n
  return s
}

/** True when at least one process gave a result. */
export function hasResult(s: PeerSummary | undefined): s is PeerSummary {
  return s !== undefined && s.samples.length > 0
}

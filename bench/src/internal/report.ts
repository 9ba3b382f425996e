import type { Goal, Workload } from '../workload.js'
import { formatBytes, formatCount, formatResult, markdownTable } from './format.js'
import { lowerIsBetter } from './stats.js'
import { hasResult, type PeerSummary } from './summary.js'

/** One workload's summaries, by peer, in the peers' declared order. */
export interface WorkloadRun {
  workload: Workload
  peers: Map<string, PeerSummary>
  /** Repetitions asked for (each a fresh process per peer). */
  reps: number
}

/** The peer the goals and the `adv.` column speak for. */
export function subjectOf(w: Workload): string {
  return w.subject ?? 'strand'
}

/**
 * How many times better the subject (or the peer `of`) is than `peer`, on the medians
 * (or on the extra number `metric`): throughput subject ÷ peer, memory and time peer ÷ subject. Above 1,
 * the subject wins. Undefined when either result is missing.
 */
export function advantage(
  run: WorkloadRun,
  peer: string,
  metric?: string,
  of: string = subjectOf(run.workload),
): number | undefined {
  const s = run.peers.get(of)
  const p = run.peers.get(peer)
  if (!hasResult(s) || !hasResult(p)) return undefined
  const sv = metric === undefined ? s.median : s.extra[metric]
  const pv = metric === undefined ? p.median : p.extra[metric]
  if (sv === undefined || pv === undefined) return undefined
  return lowerIsBetter(run.workload.kind) ? pv / sv : sv / pv
}

/** True/false when every goal could be checked, undefined when a needed result is missing. */
export function goalsMet(run: WorkloadRun): boolean | undefined {
  const goals = run.workload.goals
  if (goals === undefined || goals.length === 0) return undefined
  let met = true
  for (const g of goals) {
    const ok = checkGoal(run, g)
    if (ok === undefined) return undefined
    met &&= ok
  }
  return met
}

function checkGoal(run: WorkloadRun, g: Goal): boolean | undefined {
  if ('margin' in g) {
    const s = run.peers.get(g.of ?? subjectOf(run.workload))
    const p = run.peers.get(g.peer)
    if (!hasResult(s) || !hasResult(p)) return undefined
    const sv = g.metric === undefined ? s.median : s.extra[g.metric]
    const pv = g.metric === undefined ? p.median : p.extra[g.metric]
    if (sv === undefined || pv === undefined) return undefined
    return lowerIsBetter(run.workload.kind) ? sv - pv <= g.margin : pv - sv <= g.margin
  }
  if ('peer' in g) {
    const adv = advantage(run, g.peer, g.metric, g.of)
    return adv === undefined ? undefined : adv >= g.ratio
  }
  const s = run.peers.get(g.of ?? subjectOf(run.workload))
  if (!hasResult(s)) return undefined
  const v = g.metric === undefined ? s.median : s.extra[g.metric]
  if (v === undefined) return undefined
  return lowerIsBetter(run.workload.kind) ? v <= g.value : v >= g.value
}

function notes(run: WorkloadRun, s: PeerSummary): string {
  const w = run.workload
  const unitIsBytes = /^(bytes|B)\b/i.test(w.unit)
  const parts = Object.entries(s.extra).map(([k, v]) => {
    if (unitIsBytes || /\bB\b|^RSS\b/.test(k)) return `${k} ${formatBytes(v)}`
    if (k.endsWith(' µs')) return `${k.slice(0, -3)} ${formatCount(v)} µs`
    return `${k} ${formatCount(v)}`
  })
  const base = w.baseline === undefined ? undefined : run.peers.get(w.baseline)
  if (w.kind === 'throughput' && hasResult(base) && hasResult(s) && s.peer !== w.baseline) {
    const extraNs = 1e9 / s.median - 1e9 / base.median
    parts.push(`${extraNs >= 0 ? '+' : ''}${extraNs.toFixed(1)} ns/op vs ${w.baseline}`)
  }
  if (s.errors.length > 0) {
    const again = s.attempted < run.reps ? ', not repeated' : ''
    parts.push(
      `${s.errors.length} of ${s.attempted} failed${again}: ${(s.errors[0] ?? '').slice(0, 60)}`,
    )
  }
  return parts.join(', ')
}

/** The results as one Markdown table: a workload's title and target on its first row. */
export function renderTable(runs: readonly WorkloadRun[]): string {
  const rows: string[][] = [
    ['workload', 'peer', 'median', 'best', '±', 'adv.', 'target (on medians)', 'notes'],
  ]
  for (const run of runs) {
    const w = run.workload
    const met = goalsMet(run)
    const checkable = (w.goals?.length ?? 0) > 0
    const verdict =
      met === undefined
        ? checkable
          ? ' ? not checked (a peer has no result)'
          : ''
        : met
          ? ' ✓ met'
          : ' ✗ not met'
    const subject = subjectOf(w)
    let first = true
    for (const [peer, s] of run.peers) {
      const adv = advantage(run, peer)
      const ok = s.samples.length > 0
      rows.push([
        first ? `${w.id} ${w.title} (${w.unit})` : '',
        peer,
        ok ? formatResult(w.kind, w.unit, s.median) : `error: ${(s.errors[0] ?? '').slice(0, 70)}`,
        ok ? formatResult(w.kind, w.unit, s.best) : '',
        ok && s.samples.length > 1 ? `±${Math.round(s.spread * 100)}%` : '',
        peer === subject ? 'subject' : adv === undefined ? 'n/a' : `${adv.toFixed(2)}×`,
        first ? `${w.target ?? ''}${verdict}` : '',
        ok ? notes(run, s) : '',
      ])
      first = false
    }
  }
  return markdownTable(rows)
}

/** The results as plain data for results/*.json. */
export function toJson(runs: readonly WorkloadRun[]): unknown[] {
  return runs.map((run) => ({
    id: run.workload.id,
    title: run.workload.title,
    unit: run.workload.unit,
    kind: run.workload.kind,
    n: run.workload.n,
    subject: subjectOf(run.workload),
    target: run.workload.target,
    goalsMet: goalsMet(run),
    peers: [...run.peers].map(([peer, s]) => ({
      peer,
      n: s.n,
      median: s.median,
      best: s.best,
      spread: Number(s.spread.toFixed(3)),
      samples: s.samples,
      extra: s.extra,
      errors: s.errors,
      advantage: advantage(run, peer),
      seconds: Number(s.seconds.toFixed(2)),
    })),
  }))
}

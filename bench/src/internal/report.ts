import type { Goal, Workload } from '../workload.js'
import { formatBytes, formatCount, formatResult, markdownTable } from './format.js'
import type { Outcome } from './run-pair.js'
import { spread } from './stats.js'

/** One workload's outcomes, by peer, in the peers' declared order. */
export interface WorkloadRun {
  workload: Workload
  outcomes: Map<string, Outcome>
}

/**
 * How many times better strand is than `peer`: throughput strand ÷ peer, memory
 * peer ÷ strand. Above 1, strand wins. Undefined when either result is missing.
 */
export function advantage(run: WorkloadRun, peer: string): number | undefined {
  const s = run.outcomes.get('strand')
  const p = run.outcomes.get(peer)
  if (s?.ok !== true || p?.ok !== true) return undefined
  return run.workload.kind === 'throughput'
    ? s.result.value / p.result.value
    : p.result.value / s.result.value
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
    const s = run.outcomes.get('strand')
    const p = run.outcomes.get(g.peer)
    if (s?.ok !== true || p?.ok !== true) return undefined
    return run.workload.kind === 'throughput'
      ? p.result.value - s.result.value <= g.margin
      : s.result.value - p.result.value <= g.margin
  }
  if ('peer' in g) {
    const adv = advantage(run, g.peer)
    return adv === undefined ? undefined : adv >= g.ratio
  }
  const s = run.outcomes.get('strand')
  if (s?.ok !== true) return undefined
  return run.workload.kind === 'throughput' ? s.result.value >= g.value : s.result.value <= g.value
}

function spreadOf(runs: readonly number[]): string {
  return runs.length < 2 ? '' : `±${Math.round(spread(runs) * 100)}%`
}

function notes(run: WorkloadRun, o: Outcome): string {
  if (!o.ok) return ''
  const unitIsBytes = /^(bytes|B)\b/i.test(run.workload.unit)
  return Object.entries(o.result.extra ?? {})
    .map(([k, v]) => `${k} ${unitIsBytes || /\bB\b/.test(k) ? formatBytes(v) : formatCount(v)}`)
    .join(', ')
}

/** The results as one Markdown table: a workload's title and target on its first row. */
export function renderTable(runs: readonly WorkloadRun[]): string {
  const rows: string[][] = [['workload', 'peer', 'result', '±', 'strand adv.', 'target', 'notes']]
  for (const run of runs) {
    const w = run.workload
    const met = goalsMet(run)
    const verdict = met === undefined ? '' : met ? ' ✓ met' : ' ✗ not met'
    let first = true
    for (const [peer, o] of run.outcomes) {
      const adv = advantage(run, peer)
      rows.push([
        first ? `${w.id} ${w.title} (${w.unit})` : '',
        peer,
        o.ok ? formatResult(w.kind, w.unit, o.result.value) : `error: ${o.error.slice(0, 70)}`,
        o.ok ? spreadOf(o.result.runs) : '',
        peer === 'strand' ? '—' : adv === undefined ? 'n/a' : `${adv.toFixed(2)}×`,
        first ? `${w.target ?? ''}${verdict}` : '',
        notes(run, o),
      ])
      first = false
    }
  }
  return markdownTable(rows)
}

/** The results as plain data for results/latest.json. */
export function toJson(runs: readonly WorkloadRun[]): unknown[] {
  return runs.map((run) => ({
    id: run.workload.id,
    title: run.workload.title,
    unit: run.workload.unit,
    kind: run.workload.kind,
    n: run.workload.n,
    target: run.workload.target,
    goalsMet: goalsMet(run),
    peers: [...run.outcomes].map(([peer, o]) => ({
      peer,
      ...(o.ok
        ? { value: o.result.value, runs: o.result.runs, extra: o.result.extra }
        : { error: o.error }),
      strandAdvantage: advantage(run, peer),
      seconds: Number(o.seconds.toFixed(2)),
    })),
  }))
}

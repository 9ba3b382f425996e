// The benchmark runner: `node dist/main.js [W1 W3 …]`. For each workload, runs its pairs
// interleaved — repetition 1 of every peer, then repetition 2 of every peer, … — each in a
// fresh `node --expose-gc dist/run-one.js` child, prints one table (median and best of
// the repetitions) and writes results/<name>.json and results/<name>.md.
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { discover } from './internal/discover.js'
import { formatResult } from './internal/format.js'
import { renderTable, toJson, type WorkloadRun } from './internal/report.js'
import { type Outcome, runPair } from './internal/run-pair.js'
import { summarize } from './internal/summary.js'
import { describeSystem, systemInfo } from './internal/system.js'

const DEFAULT_LIMIT_SECONDS = 60

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const v = Number(raw)
  if (!(v > 0)) throw new RangeError(`Expected env ${name} to be a positive number, got \`${raw}\``)
  return v
}

/** The results' file name: BENCH_OUT, or `latest` for a full default run, else `partial`. */
function outName(ids: readonly string[]): string {
  const named = process.env.BENCH_OUT
  if (named !== undefined && named !== '') {
    if (!/^[\w.-]+$/.test(named))
      throw new RangeError(`Expected env BENCH_OUT to be a file name, got \`${named}\``)
    return named
  }
  // a filtered, scaled-down or other-node run must not replace the full results
  const scaled = (process.env.BENCH_SCALE ?? '1') !== '1'
  const otherNode = (process.env.BENCH_NODE ?? '') !== ''
  return ids.length > 0 || scaled || otherNode ? 'partial' : 'latest'
}

async function main(): Promise<void> {
  const ids = process.argv.slice(2)
  const dir = (rel: string) => fileURLToPath(new URL(rel, import.meta.url))
  const runOne = dir('./run-one.js')
  const found = await discover(dir('./workloads/'), ids)
  if (found.length === 0)
    throw new Error(`No workloads found${ids.length > 0 ? ` for ${ids.join(' ')}` : ''}`)

  const node = process.env.BENCH_NODE || process.execPath
  const reps = Math.round(envNumber('BENCH_REPS', 5))
  const name = outName(ids)
  const system = systemInfo(node, reps, Math.round(envNumber('BENCH_RUNS', 1)))
  const envLimit = envNumber('BENCH_TIMEOUT', Number.NaN)
  const runs: WorkloadRun[] = []
  const broken: string[] = []
  for (const { file, workload: w, error } of found) {
    if (w === undefined) {
      broken.push(`${file}: ${error}`)
      continue
    }
    const limitSeconds = w.timeLimit ?? (envLimit > 0 ? envLimit : DEFAULT_LIMIT_SECONDS)
    const peers = Object.keys(w.peers)
    const outcomes = new Map<string, Outcome[]>(peers.map((p) => [p, []]))
    // a workload that needs a service (a redis-server) starts it once for all its pairs
    const shared = w.setup ? await w.setup() : undefined
    if (shared !== undefined && 'skip' in shared) {
      process.stderr.write(`${w.id} skipped: ${shared.skip}\n`)
      for (const peer of peers) {
        outcomes.get(peer)?.push({ ok: false, error: `skipped: ${shared.skip}`, seconds: 0 })
      }
    } else {
      try {
        for (let rep = 1; rep <= reps; rep++) {
          for (const peer of peers) {
            const list = outcomes.get(peer) ?? []
            if (list.some((o) => !o.ok)) continue // a failed pair is not repeated
            process.stderr.write(`${w.id} [${rep}/${reps}] ${peer} … `)
            const o = await runPair(runOne, file, w, peer, { node, limitSeconds, env: shared?.env })
            list.push(o)
            const shown = o.ok
              ? o.result.runs.map((v) => formatResult(w.kind, w.unit, v)).join(' ')
              : `error: ${o.error}`
            process.stderr.write(`${shown} (${o.seconds.toFixed(1)} s)\n`)
          }
        }
      } finally {
        await shared?.stop()
      }
    }
    const summaries = new Map(peers.map((p) => [p, summarize(w, p, outcomes.get(p) ?? [])]))
    runs.push({ workload: w, peers: summaries, reps })
  }

  const header = describeSystem(system)
  const legend =
    'Throughput: higher is better; memory and time: lower is better. median = median over the repetitions (the statistic the goals use); best = the best single run; ± = half the range of the repetitions relative to their median. adv. = how many times better the subject (the realistic `strand` peer unless the workload says otherwise) is than that peer, on the medians (throughput: subject ÷ peer; memory and time: peer ÷ subject): above 1, the subject wins.'
  const table = renderTable(runs)
  const brokenText =
    broken.length > 0 ? `\nWorkloads that failed to load:\n${broken.join('\n')}\n` : ''
  process.stdout.write(`\n${header}\n\n${table}\n\n${legend}\n${brokenText}\n`)

  const out = dir('../results/')
  mkdirSync(out, { recursive: true })
  writeFileSync(
    `${out}${name}.json`,
    `${JSON.stringify({ ...system, workloads: toJson(runs), broken }, null, 2)}\n`,
  )
  writeFileSync(`${out}${name}.md`, `${header}\n\n${table}\n\n${legend}\n${brokenText}`)
  process.stderr.write(`\nWrote bench/results/${name}.json and ${name}.md\n`)
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})

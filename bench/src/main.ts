// The benchmark runner: `node dist/main.js [W1 W3 …]`. Runs every (workload, peer) pair
// in a fresh `node --expose-gc dist/run-one.js` child, one after another, prints one
// table and writes results/latest.json and results/latest.md.
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { discover } from './internal/discover.js'
import { formatResult } from './internal/format.js'
import { renderTable, toJson, type WorkloadRun } from './internal/report.js'
import { runPair } from './internal/run-pair.js'
import { describeSystem, systemInfo } from './internal/system.js'

const DEFAULT_LIMIT_SECONDS = 60

async function main(): Promise<void> {
  const ids = process.argv.slice(2)
  const dir = (rel: string) => fileURLToPath(new URL(rel, import.meta.url))
  const runOne = dir('./run-one.js')
  const found = await discover(dir('./workloads/'), ids)
  if (found.length === 0)
    throw new Error(`No workloads found${ids.length > 0 ? ` for ${ids.join(' ')}` : ''}`)

  const system = systemInfo(Number(process.env.BENCH_RUNS ?? 5))
  const envLimit = Number(process.env.BENCH_TIMEOUT ?? Number.NaN)
  const runs: WorkloadRun[] = []
  const broken: string[] = []
  for (const { file, workload: w, error } of found) {
    if (w === undefined) {
      broken.push(`${file}: ${error}`)
      continue
    }
    const run: WorkloadRun = { workload: w, outcomes: new Map() }
    runs.push(run)
    const limit = w.timeLimit ?? (envLimit > 0 ? envLimit : DEFAULT_LIMIT_SECONDS)
    const shared = w.setup ? await w.setup() : undefined
    if (shared !== undefined && 'skip' in shared) {
      process.stderr.write(`${w.id} skipped: ${shared.skip}\n`)
      for (const peer of Object.keys(w.peers)) {
        run.outcomes.set(peer, { ok: false, error: `skipped: ${shared.skip}`, seconds: 0 })
      }
      continue
    }
    try {
      for (const peer of Object.keys(w.peers)) {
        process.stderr.write(`${w.id} ${peer} … `)
        const o = await runPair(runOne, file, w, peer, limit, shared?.env)
        run.outcomes.set(peer, o)
        const shown = o.ok ? formatResult(w.kind, w.unit, o.result.value) : `error: ${o.error}`
        process.stderr.write(`${shown} (${o.seconds.toFixed(1)} s)\n`)
      }
    } finally {
      await shared?.stop()
    }
  }

  const header = describeSystem(system)
  const legend =
    'Throughput: higher is better; memory: lower is better. strand adv. = how many times better strand is than that peer (throughput: strand ÷ peer; memory: peer ÷ strand): above 1, strand wins. ± = half the range of the runs relative to their median (noise).'
  const table = renderTable(runs)
  const brokenText =
    broken.length > 0 ? `\nWorkloads that failed to load:\n${broken.join('\n')}\n` : ''
  process.stdout.write(`\n${header}\n\n${table}\n\n${legend}\n${brokenText}\n`)

  const out = dir('../results/')
  mkdirSync(out, { recursive: true })
  // a filtered or scaled-down run must not replace the full results
  const scaled = (process.env.BENCH_SCALE ?? '1') !== '1'
  const name = ids.length > 0 || scaled ? 'partial' : 'latest'
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

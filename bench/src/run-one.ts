// Runs one peer of one workload in this (fresh) process and prints one JSON line:
//   node --expose-gc dist/run-one.js dist/workloads/w1-spawn.js strand
// One warm-up run at n/10, then BENCH_RUNS (default 5) measured runs with a full GC
// before each; the reported value is the best run (max ops/s, min memory): on a shared
// machine interference only makes a run slower, so the best run is the closest estimate.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gc } from './internal/memory.js'
import type { PairResult } from './internal/result.js'
import { best } from './internal/stats.js'
import { since } from './internal/timing.js'
import type { Measurement, PeerResult, Workload } from './workload.js'

function envCount(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const v = Number(raw)
  if (!(v > 0)) throw new RangeError(`Expected env ${name} to be a positive number, got \`${raw}\``)
  return v
}

function asMeasurement(r: PeerResult): Measurement {
  if (typeof r === 'number') return { value: r }
  return r ?? {}
}

async function main(): Promise<void> {
  const [file, peerName] = process.argv.slice(2)
  if (file === undefined || peerName === undefined) {
    throw new Error('Usage: node --expose-gc dist/run-one.js <workload-file> <peer>')
  }
  const mod = (await import(pathToFileURL(resolve(file)).href)) as { workload?: Workload }
  const w = mod.workload
  if (w === undefined) throw new Error(`${file} does not export \`workload\``)
  const peer = w.peers[peerName]
  if (peer === undefined) {
    throw new Error(
      `${w.id} has no peer \`${peerName}\` (peers: ${Object.keys(w.peers).join(', ')})`,
    )
  }
  const runCount = Math.round(envCount('BENCH_RUNS', 5))
  const n = Math.max(1, Math.round(w.n * envCount('BENCH_SCALE', 1)))

  gc()
  await peer(Math.max(1, Math.floor(n / 10))) // warm-up: JIT, pools, lazy init

  const runs: number[] = []
  const extras: (Record<string, number> | undefined)[] = []
  for (let i = 0; i < runCount; i++) {
    gc()
    const start = performance.now()
    const m = asMeasurement(await peer(n))
    const seconds = since(start)
    if (w.kind === 'throughput') {
      runs.push(n / (m.seconds ?? seconds))
    } else {
      if (m.value === undefined) throw new Error(`${w.id}/${peerName} returned no value`)
      runs.push(m.value)
    }
    extras.push(m.extra)
  }
  const value = best(w.kind, runs)
  const result: PairResult = { id: w.id, peer: peerName, value, runs }
  // the notes describe the best run (a latency beside its throughput, not the best of each)
  const extra = extras[runs.indexOf(value)]
  if (extra !== undefined && Object.keys(extra).length > 0) result.extra = extra
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

main().then(
  () => process.exit(0), // blocked peers' leftovers must not keep us alive
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exit(1)
  },
)

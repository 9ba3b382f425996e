// Runs one peer of one workload in this (fresh) process and prints one JSON line:
//   node --expose-gc dist/run-one.js dist/workloads/w1-spawn.js strand
// One warm-up run at n/10, then BENCH_RUNS (default 1) measured runs with a full GC
// before each. The runner starts one such process per repetition and takes the median.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gc } from './internal/memory.js'
import type { PairResult } from './internal/result.js'
import { now, since } from './internal/timing.js'
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
  const runCount = Math.round(envCount('BENCH_RUNS', 1))
  const n = Math.max(1, Math.round((w.sizes?.[peerName] ?? w.n) * envCount('BENCH_SCALE', 1)))

  gc()
  await peer(Math.max(1, Math.floor(n / 10))) // warm-up: JIT, pools, lazy init

  const runs: number[] = []
  const extra: Record<string, number[]> = {}
  for (let i = 0; i < runCount; i++) {
    gc()
    const start = now()
    const m = asMeasurement(await peer(n))
    const seconds = since(start)
    if (w.kind === 'throughput') {
      runs.push(n / (m.seconds ?? seconds))
    } else {
      if (m.value === undefined) throw new Error(`${w.id}/${peerName} returned no value`)
      runs.push(m.value)
    }
    for (const [k, v] of Object.entries(m.extra ?? {})) (extra[k] ??= []).push(v)
  }
  const result: PairResult = { id: w.id, peer: peerName, n, runs }
  if (Object.keys(extra).length > 0) result.extra = extra
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

main().then(
  () => process.exit(0), // blocked peers' leftovers must not keep us alive
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exit(1)
  },
)

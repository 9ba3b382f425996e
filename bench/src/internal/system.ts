import { execFileSync } from 'node:child_process'
import { cpus, loadavg, totalmem } from 'node:os'
import { clock } from './timing.js'

/** Where the numbers came from: printed above the table and stored in the results JSON. */
export interface SystemInfo {
  date: string
  /** The version of the node that ran the pairs (BENCH_NODE, or the runner's own). */
  node: string
  cpu: string
  cores: number
  memoryGiB: number
  /** Interleaved repetitions: one fresh process per peer per repetition. */
  reps: number
  /** Measured runs in each process (after its warm-up). */
  runs: number
  /** What throughput runs were timed with (BENCH_CLOCK): wall time or process CPU time. */
  clock: 'wall' | 'cpu'
  /** 1-minute load average at the start: above ~0.5 other work shared the CPU. */
  load: number
}

/** The version string of a node binary (`v24.1.0`). */
export function nodeVersion(node: string): string {
  if (node === process.execPath) return process.version
  return execFileSync(node, ['-p', 'process.version'], { encoding: 'utf8' }).trim()
}

export function systemInfo(node: string, reps: number, runs: number): SystemInfo {
  const list = cpus()
  return {
    date: new Date().toISOString(),
    node: nodeVersion(node),
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    reps,
    runs,
    clock,
    load: Number(loadavg()[0]?.toFixed(2)),
  }
}

export function describeSystem(s: SystemInfo): string {
  const inProcess = s.runs === 1 ? 'one measured run' : `${s.runs} measured runs`
  const timed =
    s.clock === 'cpu' ? 'throughput timed by process CPU time' : 'throughput timed by wall clock'
  return `Node ${s.node} · ${s.cpu} (${s.cores} cores, ${s.memoryGiB} GiB, load ${s.load} at the start) · ${s.date} · median of ${s.reps} interleaved repetitions, each a fresh process per peer (a warm-up at n/10, then ${inProcess}) · ${timed}`
}

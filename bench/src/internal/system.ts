import { cpus, loadavg, totalmem } from 'node:os'

/** Where the numbers came from: printed above the table and stored in latest.json. */
export interface SystemInfo {
  date: string
  node: string
  cpu: string
  cores: number
  memoryGiB: number
  runs: number
  /** 1-minute load average at the start: above ~0.5 other work shared the CPU. */
  load: number
}

export function systemInfo(runs: number): SystemInfo {
  const list = cpus()
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    runs,
    load: Number(loadavg()[0]?.toFixed(2)),
  }
}

export function describeSystem(s: SystemInfo): string {
  return `Node ${s.node} · ${s.cpu} (${s.cores} cores, ${s.memoryGiB} GiB, load ${s.load}) · ${s.date} · best of ${s.runs} runs after a warm-up, each pair in a fresh process`
}

import { execFile } from 'node:child_process'
import type { Workload } from '../workload.js'
import type { PairResult } from './result.js'

/** One process's outcome: its result, or why there is none. */
export type Outcome =
  | { ok: true; result: PairResult; seconds: number }
  | { ok: false; error: string; seconds: number }

/** How to start a pair's process. */
export interface PairOptions {
  /** The node binary (BENCH_NODE, default the runner's own). */
  node: string
  /** Seconds before the process is killed. */
  limitSeconds: number
  /** Extra environment for the process (a workload's `setup()`, e.g. a redis-server URL). */
  env?: Record<string, string> | undefined
}

/**
 * Runs `run-one.js <file> <peer>` in a fresh `node --expose-gc` and parses its JSON line.
 * Never rejects: a crash, a bad line or the time limit becomes `{ ok: false, error }`.
 */
export function runPair(
  runOne: string,
  file: string,
  w: Workload,
  peer: string,
  { node, limitSeconds, env }: PairOptions,
): Promise<Outcome> {
  const args = ['--expose-gc', ...(w.nodeArgs ?? []), runOne, file, peer]
  const start = performance.now()
  return new Promise((resolve) => {
    execFile(
      node,
      args,
      {
        timeout: limitSeconds * 1000,
        killSignal: 'SIGKILL',
        maxBuffer: 16 << 20,
        env: env === undefined ? process.env : { ...process.env, ...env },
      },
      (err, stdout, stderr) => {
        const seconds = (performance.now() - start) / 1000
        if (err !== null) {
          const timedOut = err.killed && seconds >= limitSeconds * 0.99
          const detail = timedOut
            ? `timed out after ${limitSeconds} s`
            : lastError(stderr) || err.message
          resolve({ ok: false, error: detail, seconds })
          return
        }
        const line = stdout.trim().split('\n').at(-1) ?? ''
        try {
          resolve({ ok: true, result: JSON.parse(line) as PairResult, seconds })
        } catch {
          resolve({ ok: false, error: `unreadable output: ${line.slice(0, 80)}`, seconds })
        }
      },
    )
  })
}

/** The line of a stack trace that says what went wrong ("TypeError: …"). */
function lastError(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim())
  return (
    lines.find((l) => /^\w*(Error|Exception)\b|^Error:/.test(l)) ??
    lines.find((l) => l !== '') ??
    ''
  )
}

import { readFileSync } from 'node:fs'
import type { setTimeout as delay } from 'node:timers/promises'
import { getOriginal } from '../src/index.js'

/** Node's own (unpatched) sleep, for the test's own waiting. */
export function pause(ms: number): Promise<void> {
  const original = getOriginal('timers/promises', 'setTimeout') as typeof delay
  return original(ms).then(() => undefined)
}

/** Node's own (unpatched) callback timer: a greenlet's kill does not clear it. */
export function later(ms: number, fn: () => void): void {
  const original = getOriginal('globalThis', 'setTimeout') as typeof setTimeout
  original(fn, ms)
}

/** Counts of `process.getActiveResourcesInfo()` by kind; the hub's Immediate is not counted. */
export function resources(): Map<string, number> {
  const counts = new Map<string, number>()
  for (const kind of process.getActiveResourcesInfo()) {
    if (kind === 'Immediate') continue
    counts.set(kind, (counts.get(kind) ?? 0) + 1)
  }
  return counts
}

/**
 * Waits (up to `ms`) until nothing is active beyond `baseline`, and returns what is
 * still there beyond it (empty when all is gone).
 */
export async function leftover(baseline: Map<string, number>, ms = 1000): Promise<string[]> {
  const until = performance.now() + ms
  for (;;) {
    const extra: string[] = []
    for (const [kind, n] of resources()) {
      const more = n - (baseline.get(kind) ?? 0)
      for (let i = 0; i < more; i++) extra.push(kind)
    }
    if (extra.length === 0 || performance.now() > until) return extra
    await pause(10)
  }
}

/**
 * True once `pid` no longer runs, polling up to `ms`: `kill(pid, 0)` throws ESRCH, or
 * it is a zombie (dead, waiting for its parent — for an orphan, the system's init, which
 * in a container may take a second or two — to reap it).
 */
export async function pidGone(pid: number, ms = 2000): Promise<boolean> {
  const until = performance.now() + ms
  for (;;) {
    try {
      process.kill(pid, 0)
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ESRCH'
    }
    if (zombie(pid)) return true
    if (performance.now() > until) return false
    await pause(10)
  }
}

function zombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z'
  } catch {
    return false
  }
}

/** Milliseconds since `start` (from `performance.now()`). */
export function since(start: number): number {
  return performance.now() - start
}

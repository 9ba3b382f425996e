import { readFileSync } from 'node:fs'

/** True once `pid` no longer runs: ESRCH, or a zombie nobody has reaped yet (Linux). */
export function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH'
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')
  } catch {
    return false
  }
}

/** Polls until `pid` is gone (true) or `seconds` pass (false). */
export async function waitGone(pid: number, seconds = 2): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000
  while (!isGone(pid)) {
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return true
}

/** A command task running `script` in a fresh Node process. */
export function nodeTask(name: string, script: string, extra: object = {}) {
  return { name, command: process.execPath, args: ['-e', script], ...extra }
}

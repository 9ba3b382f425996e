import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'

/** A child process driven through its stdin, with what it printed so far. */
export interface Driven {
  child: ChildProcessWithoutNullStreams
  /** Everything it printed on stdout so far. */
  readonly out: string
  /** Writes `line` and a newline to its stdin. */
  type(line: string): void
  /** Resolves once its stdout contains `text`; rejects after `ms` (naming what it got). */
  waitFor(text: string, ms?: number): Promise<void>
  /** Resolves with its exit code (rejects after `ms`, killing it). */
  exited(ms?: number): Promise<number | null>
}

/**
 * Starts `command args` (`node args` by default) with piped stdio, to be driven like a
 * person at a keyboard.
 */
export function drive(args: string[], command = process.execPath): Driven {
  const child = spawn(command, args, { stdio: 'pipe' })
  let out = ''
  let err = ''
  const waiters = new Set<() => void>()
  child.stdout.on('data', (chunk) => {
    out += chunk
    for (const check of waiters) check()
  })
  child.stderr.on('data', (chunk) => (err += chunk))
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    child,
    get out() {
      return out
    },
    type(line) {
      child.stdin.write(`${line}\n`)
    },
    waitFor(text, ms = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!out.includes(text)) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve()
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(
            new Error(`no ${JSON.stringify(text)} after ${ms} ms; stdout: ${out}; stderr: ${err}`),
          )
        }, ms)
        waiters.add(check)
        check()
      })
    },
    async exited(ms = 5000) {
      const timer = setTimeout(() => child.kill(), ms)
      try {
        return await exit
      } finally {
        clearTimeout(timer)
      }
    },
  }
}

// Shared by the packages' README tests (tests only; never built or published).
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { pathToFileURL } from 'node:url'

/** What an example file says it prints, and where that was written. */
export interface ExpectedOutput {
  readonly lines: readonly string[]
  /** `// =>` when from the file's comments, else the `.expected.txt` file's path. */
  readonly from: string
}

const ARROW = /\/\/ =>(?: (.*))?$/

/**
 * The lines an example prints, in order: the text after each `// =>` in the file (one line
 * each, after a statement or on a line of its own), or, when `x.expected.txt` lies beside
 * `x.ts`, that file's lines (then the example must have no `// =>` comment: one source of truth).
 */
export function expectedOutput(path: string): ExpectedOutput {
  const arrows = readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line) => {
      const m = ARROW.exec(line)
      return m ? [(m[1] ?? '').trimEnd()] : []
    })
  const txt = path.replace(/\.[cm]?[jt]sx?$/, '.expected.txt')
  if (txt !== path && existsSync(txt)) {
    if (arrows.length > 0) {
      throw new Error(`${path} has // => comments and ${txt}: keep the expected output in one`)
    }
    return { lines: readFileSync(txt, 'utf8').replace(/\n$/, '').split('\n'), from: txt }
  }
  return { lines: arrows, from: '// =>' }
}

/** How a run of an example ended. */
export interface ExampleRun {
  /** Standard output, split into lines (no trailing empty line). */
  readonly stdout: readonly string[]
  readonly stderr: string
  /** The exit code, or null when it was killed (see `timedOut`). */
  readonly code: number | null
  readonly timedOut: boolean
  readonly ms: number
}

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href

/**
 * Runs an example as a user would, in a process of its own (so a fresh hub, and Node's exit
 * with LoopExit if a greenlet is left blocked): the current `node`, with tsx loading the
 * TypeScript and the `@strand/source` condition resolving every Strand package to its
 * sources (no build needed). Killed after `timeout` ms: an example that does not end by
 * itself has left something running. It runs in `cwd` (default: the example's folder).
 */
export function runExample(
  path: string,
  { timeout = 15_000, cwd = dirname(path) }: { timeout?: number; cwd?: string } = {},
): Promise<ExampleRun> {
  const started = performance.now()
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' }
  delete env.NODE_OPTIONS
  delete env.FORCE_COLOR
  const child = spawn(process.execPath, ['--conditions=@strand/source', '--import', tsx, path], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s))
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s))
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    child.kill('SIGKILL')
  }, timeout)
  return new Promise((resolve, reject) => {
    child.once('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
    child.once('close', (code) => {
      clearTimeout(timer)
      const lines = stdout === '' ? [] : stdout.replace(/\n$/, '').split('\n')
      resolve({ stdout: lines, stderr, code, timedOut, ms: performance.now() - started })
    })
  })
}

import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildCli } from './helpers/build-cli.js'
import { nodeTask, waitGone } from './helpers/process.js'

let cli = ''
let dir = ''

beforeAll(async () => {
  cli = await buildCli()
  dir = mkdtempSync(join(tmpdir(), 'strand-tasks-test-'))
}, 30_000)

function taskFile(name: string, tasks: unknown): string {
  const file = join(dir, name)
  writeFileSync(file, JSON.stringify(tasks))
  return file
}

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    timeout: 15_000,
    ...(input === undefined ? {} : { input }),
  })
}

/** The summary table row of `name`, split into columns. */
function row(stdout: string, name: string): string[] | undefined {
  const table = stdout.slice(stdout.indexOf('\ntask '))
  return table
    .split('\n')
    .find((line) => line.startsWith(`${name} `))
    ?.split(/\s{2,}/)
}

describe('strand-tasks (the CLI, as a child process)', () => {
  it('exits 0 when every task succeeds, with live lines and a summary', () => {
    const file = taskFile('ok.json', [
      nodeTask('first', 'setTimeout(() => {}, 50)'),
      nodeTask('second', "console.log('hi')"),
    ])
    const result = run(['--concurrency', '2', file])
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^start +first \(attempt 1\/1\)$/m)
    expect(result.stdout).toMatch(/^ok +second in ~[\d.]+ s \(1 attempt\)$/m)
    expect(row(result.stdout, 'first')?.slice(1, 3)).toEqual(['ok', '1'])
    expect(result.stdout).toMatch(/^2 tasks: 2 ok \(~[\d.]+ s\)$/m)
  })

  it('exits 1 when a task fails, runs the others, and shows the failed output tail', () => {
    const file = taskFile('mixed.json', [
      nodeTask('bad', "console.error('something broke'); process.exit(4)"),
      nodeTask('good', 'setTimeout(() => {}, 20)'),
    ])
    const result = run(['-c', '1', '--retries', '1', file])
    expect(result.status).toBe(1)
    expect(result.stdout).toMatch(/^retry +bad in 0\.1 s \(attempt 1\/2 failed: exit code 4\)$/m)
    expect(row(result.stdout, 'bad')?.slice(1, 3)).toEqual(['failed', '2'])
    expect(row(result.stdout, 'good')?.slice(1, 3)).toEqual(['ok', '1'])
    expect(result.stdout).toContain('--- bad (failed), last output:\n  something broke')
  })

  it('kills a task past --timeout and reports it timed out', () => {
    const file = taskFile('slow.json', [nodeTask('slow', 'setTimeout(() => {}, 60_000)')])
    const result = run(['--timeout', '0.3', file])
    expect(result.status).toBe(1)
    expect(result.stdout).toMatch(/^timeout +slow after 0\.3 s \(attempt 1\), stopped$/m)
    expect(row(result.stdout, 'slow')?.[1]).toBe('timed out')
  })

  it('reads the tasks from stdin with -', () => {
    const result = run(['-'], JSON.stringify([nodeTask('piped', 'process.exit(0)')]))
    expect(result.status, result.stderr).toBe(0)
    expect(row(result.stdout, 'piped')?.[1]).toBe('ok')
  })

  it('exits 2 with a message for a bad command line or task file', () => {
    const noFile = run([])
    expect(noFile.status).toBe(2)
    expect(noFile.stderr).toContain('no task file given')
    const badNumber = run(['--concurrency', '0', 'x.json'])
    expect(badNumber.status).toBe(2)
    expect(badNumber.stderr).toContain("--concurrency expects an integer ≥ 1, got '0'")
    const unknown = run(['--fast', 'x.json'])
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toMatch(/Unknown option '--fast'/)
    const missing = run([join(dir, 'missing.json')])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('ENOENT')
    const badTask = run(['-'], '[{"name": "x"}]')
    expect(badTask.status).toBe(2)
    expect(badTask.stderr).toContain('stdin: task 1: `command must be a non-empty string`')
  })

  it('prints the usage with --help and exits 0', () => {
    const result = run(['--help'])
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('Usage: strand-tasks')
  })

  it.skipIf(process.platform === 'win32')(
    'stops on SIGINT: kills the running commands, skips the rest, prints the summary, exits 130',
    async () => {
      const pidFile = (n: number) => join(dir, `sigint-${n}.pid`)
      const sleeper = (n: number) =>
        nodeTask(
          `sleeper-${n}`,
          `require('node:fs').writeFileSync(${JSON.stringify(pidFile(n))}, String(process.pid)); setTimeout(() => {}, 60_000)`,
        )
      const file = taskFile('sigint.json', [sleeper(1), sleeper(2), sleeper(3)])
      const child: ChildProcess = spawn(process.execPath, [cli, '-c', '2', file], {
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let stdout = ''
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
      const deadline = Date.now() + 10_000
      while (!(existsSync(pidFile(1)) && existsSync(pidFile(2)))) {
        if (Date.now() > deadline) throw new Error(`the sleepers did not start:\n${stdout}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      await new Promise((resolve) => setTimeout(resolve, 50)) // both pid files fully written
      const pids = [1, 2].map((n) => Number(readFileSync(pidFile(n), 'utf8')))
      child.kill('SIGINT')
      expect(await exited).toBe(130)
      for (const pid of pids) expect(await waitGone(pid, 1)).toBe(true)
      expect(existsSync(pidFile(3))).toBe(false)
      expect(stdout).toContain('interrupted: stopping 2 running tasks')
      expect(row(stdout, 'sleeper-1')?.[1]).toBe('stopped')
      expect(row(stdout, 'sleeper-2')?.[1]).toBe('stopped')
      expect(row(stdout, 'sleeper-3')?.[1]).toBe('skipped')
    },
  )
})

import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildCli } from './helpers/build-cli.js'

let cli = ''
let dir = ''

beforeAll(async () => {
  cli = await buildCli()
  dir = mkdtempSync(join(tmpdir(), 'strand-tasks-threads-'))
  copyFileSync(
    fileURLToPath(new URL('./fixtures/cpu-tasks.js', import.meta.url)),
    join(dir, 'cpu-tasks.mjs'),
  )
}, 30_000)

describe('strand-tasks with thread tasks (the CLI, as a child process)', () => {
  it('runs { module, export, args } entries on threads next to commands, and stops one at its timeout', () => {
    const file = join(dir, 'tasks.json')
    writeFileSync(
      file,
      JSON.stringify([
        { name: 'fib', module: './cpu-tasks.mjs', export: 'fib', args: [25] },
        { name: 'burn', module: './cpu-tasks.mjs', export: 'burn', args: [5000], timeout: 0.3 },
        { name: 'echo', command: process.execPath, args: ['-e', "console.log('hi')"] },
      ]),
    )
    const started = Date.now()
    const result = spawnSync(process.execPath, [cli, '--threads', '2', file], {
      encoding: 'utf8',
      timeout: 15_000,
    })
    expect(result.status, result.stderr).toBe(1)
    expect(Date.now() - started).toBeLessThan(4000) // the 5 s burn was stopped
    expect(result.stdout).toMatch(/^ok +fib in ~[\d.]+ s \(1 attempt\)$/m)
    expect(result.stdout).toMatch(/^timeout +burn after 0\.3 s \(attempt 1\), stopped$/m)
    expect(result.stdout).toMatch(/^3 tasks: 2 ok, 1 timed out/m)
  })

  it('rejects a bad --threads with exit code 2', () => {
    const result = spawnSync(process.execPath, [cli, '--threads', '0', 'x.json'], {
      encoding: 'utf8',
    })
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('--threads expects an integer ≥ 1')
  })
})

import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  hasRedisServer,
  NO_REDIS_SERVER,
  RedisServer,
} from '../../../packages/test-kit/src/redis-server.js'
import { buildCli } from './helpers/build-cli.js'
import { isGone, waitGone } from './helpers/process.js'

const title = `strand-tasks worker and submit (Redis)${hasRedisServer ? '' : ` (skipped: ${NO_REDIS_SERVER})`}`

interface Proc {
  child: ChildProcess
  out: string
  exit: Promise<number | null>
}

function start(cli: string, args: string[]): Proc {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  const proc: Proc = {
    child,
    out: '',
    exit: new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve(signal === 'SIGKILL' ? -9 : code)),
    ),
  }
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    proc.out += chunk
  })
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    proc.out += chunk
  })
  return proc
}

async function until(check: () => boolean, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000
  while (!check()) {
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return true
}

/** The parent pid of `pid` (Linux /proc). */
function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
}

describe.skipIf(!hasRedisServer)(title, () => {
  let server: RedisServer
  let cli = ''
  let dir = ''
  const procs: Proc[] = []
  beforeAll(async () => {
    ;[server, cli] = await Promise.all([RedisServer.start(), buildCli()])
    dir = mkdtempSync(join(tmpdir(), 'strand-tasks-redis-'))
  }, 60_000)
  afterAll(async () => {
    for (const p of procs) p.child.kill('SIGKILL')
    await server?.stop()
  })

  it('redelivers the task of a SIGKILLed worker, whose child dies with it, and reports it once', async () => {
    const pids = join(dir, 'pids.txt')
    // the first run hangs (its worker will be killed), the second one succeeds
    const victim = `const fs = require('fs'); fs.appendFileSync(${JSON.stringify(pids)}, process.pid + '\\n');
      if (fs.readFileSync(${JSON.stringify(pids)}, 'utf8').trim().split('\\n').length === 1) setInterval(() => {}, 1000)`
    const file = join(dir, 'tasks.json')
    writeFileSync(
      file,
      JSON.stringify([
        { name: 'victim', command: process.execPath, args: ['-e', victim] },
        { name: 'one', command: 'echo', args: ['one'] },
        { name: 'two', command: 'echo', args: ['two'] },
      ]),
    )
    const common = ['--redis', server.url, '--queue', 'e2e']
    const workers = [1, 2].map(() =>
      start(cli, ['worker', ...common, '-c', '2', '--visibility-timeout', '1']),
    )
    procs.push(...workers)
    const submit = start(cli, ['submit', file, ...common, '--wait'])
    procs.push(submit)

    expect(
      await until(() => readFileSync(pids, { flag: 'a+', encoding: 'utf8' }).trim() !== '', 15),
    ).toBe(true)
    const first = Number(readFileSync(pids, 'utf8').trim())
    const owner = workers.find((w) => w.child.pid === parentOf(first))
    expect(owner, 'the worker running the victim').toBeDefined()
    owner!.child.kill('SIGKILL')
    expect(await owner!.exit).toBe(-9)
    expect(await waitGone(first, 3)).toBe(true) // the orphan guard took the child down

    expect(await submit.exit, submit.out).toBe(0)
    expect(submit.out.match(/^ok +victim /gm)).toHaveLength(1)
    expect(submit.out).toMatch(/^3 tasks: 3 ok/m)
    const runs = readFileSync(pids, 'utf8').trim().split('\n').map(Number)
    expect(runs).toHaveLength(2) // once on the dead worker, once on the other
    expect(isGone(runs[1]!)).toBe(true)

    const survivor = workers.find((w) => w !== owner)!
    survivor.child.kill('SIGINT')
    expect(await survivor.exit).toBe(130)
    expect(survivor.out).toMatch(/^ok +victim /m)
    expect(survivor.out).toMatch(/^worker stopped after \d+ tasks?$/m)
  }, 60_000)

  it('exits 2 without --redis, naming what is missing', async () => {
    const p = start(cli, ['worker'])
    procs.push(p)
    expect(await p.exit).toBe(2)
    expect(p.out).toContain('worker needs --redis URL')
  })
})

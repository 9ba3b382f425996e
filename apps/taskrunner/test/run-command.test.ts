import { describe, expect, it } from 'vitest'
import { type RunEvent, runTasks } from '../src/index.js'
import { isGone, nodeTask, waitGone } from './helpers/process.js'

function pids(events: RunEvent[]): number[] {
  return events.flatMap((e) => (e.type === 'spawn' ? [e.pid] : []))
}

describe('runTasks() with commands', () => {
  it('runs a command and keeps its output tail, stdout and stderr together', async () => {
    const report = await runTasks([
      nodeTask('hello', "console.log('out line'); console.error('err line')"),
    ])
    expect(report.results[0]).toMatchObject({ status: 'ok', exitCode: 0, attempts: 1 })
    expect(report.results[0]!.output).toContain('out line')
    expect(report.results[0]!.output).toContain('err line')
  })

  it('reports a non-zero exit as failed with its exit code', async () => {
    const report = await runTasks([nodeTask('bad', "console.error('boom'); process.exit(3)")])
    expect(report.results[0]).toMatchObject({
      status: 'failed',
      exitCode: 3,
      error: 'exit code 3',
    })
    expect(report.results[0]!.output).toContain('boom')
  })

  it('reports a command that cannot start as failed, without an exit code', async () => {
    const report = await runTasks([{ name: 'ghost', command: '/no/such/command-here' }])
    expect(report.results[0]!.status).toBe('failed')
    expect(report.results[0]!.error).toMatch(/cannot run .*ENOENT/)
    expect(report.results[0]!.exitCode).toBeUndefined()
  })

  it('kills a command that outlives its timeout: its pid is gone and it is reported timed out', async () => {
    const events: RunEvent[] = []
    const started = Date.now()
    const report = await runTasks([nodeTask('sleeper', 'setTimeout(() => {}, 60_000)')], {
      timeout: 0.3,
      onEvent: (e) => events.push(e),
    })
    expect(report.results[0]).toMatchObject({ status: 'timed-out', attempts: 1 })
    expect(Date.now() - started).toBeLessThan(5000)
    const [pid] = pids(events)
    expect(pid).toBeGreaterThan(0)
    expect(() => process.kill(pid!, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }))
  })

  it.skipIf(process.platform === 'win32')(
    'kills what the command started too (its process group)',
    async () => {
      const script = `
        const { spawn } = require('node:child_process')
        const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' })
        console.log('grandchild ' + child.pid)
        setTimeout(() => {}, 60_000)`
      // time for Node to start the parent and the grandchild on a busy machine
      const report = await runTasks([nodeTask('parent', script)], { timeout: 2.5 })
      expect(report.results[0]!.status).toBe('timed-out')
      const grandchild = Number(/grandchild (\d+)/.exec(report.results[0]!.output)?.[1])
      expect(grandchild).toBeGreaterThan(0)
      expect(await waitGone(grandchild)).toBe(true)
    },
  )

  it.skipIf(process.platform === 'win32')(
    'sends SIGKILL after killGrace to a command that ignores SIGTERM',
    async () => {
      const events: RunEvent[] = []
      const script = `process.on('SIGTERM', () => console.log('ignoring SIGTERM')); console.log('ready'); setInterval(() => {}, 1000)`
      const report = await runTasks([nodeTask('stubborn', script)], {
        timeout: 0.8, // time for Node to start and install its handler
        killGrace: 0.2,
        onEvent: (e) => events.push(e),
      })
      expect(report.results[0]!.status).toBe('timed-out')
      expect(report.results[0]!.output).toContain('ignoring SIGTERM')
      expect(isGone(pids(events)[0]!)).toBe(true)
    },
  )

  it('retries a failing command with a fresh process each time', async () => {
    const events: RunEvent[] = []
    const report = await runTasks([nodeTask('nope', 'process.exit(1)')], {
      retries: 2,
      backoff: 0.01,
      onEvent: (e) => events.push(e),
    })
    expect(report.results[0]).toMatchObject({ status: 'failed', attempts: 3 })
    expect(new Set(pids(events)).size).toBe(3)
  })

  it('stops running commands when the signal aborts, and none outlives the run', async () => {
    const events: RunEvent[] = []
    const controller = new AbortController()
    const sleeper = nodeTask('sleeper', 'setTimeout(() => {}, 60_000)')
    const done = runTasks([sleeper, sleeper, sleeper], {
      concurrency: 2,
      signal: controller.signal,
      onEvent: (e) => {
        events.push(e)
        if (pids(events).length === 2) controller.abort()
      },
    })
    const report = await done
    expect(report.results.map((r) => r.status)).toEqual(['interrupted', 'interrupted', 'skipped'])
    for (const pid of pids(events)) expect(isGone(pid)).toBe(true)
  })
})

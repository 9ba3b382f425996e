import { describe, expect, it } from 'vitest'
import { type RunEvent, runTasks } from '../src/index.js'
import { nodeTask, waitGone } from './helpers/process.js'

const POSIX = process.platform !== 'win32'

describe.skipIf(!POSIX)('runTasks() with orphanGuard', () => {
  it('passes output, exit code and signal through the guard', async () => {
    const report = await runTasks(
      [
        nodeTask('out', "console.log('through'); process.exit(3)"),
        nodeTask('signalled', "process.kill(process.pid, 'SIGTERM')"),
        { name: 'shell', command: 'echo $((6 * 7))', shell: true },
      ],
      { orphanGuard: true },
    )
    const [out, signalled, shell] = report.results
    expect(out).toMatchObject({ status: 'failed', exitCode: 3 })
    expect(out!.output).toContain('through')
    expect(signalled!.error).toBe('killed by SIGTERM')
    expect(shell).toMatchObject({ status: 'ok' })
    expect(shell!.output.trim()).toBe('42')
  })

  it('gives the command an empty stdin, as without the guard', async () => {
    const report = await runTasks(
      [
        nodeTask(
          'reader',
          "process.stdin.on('data', () => {}).on('end', () => console.log('eof'))",
        ),
      ],
      { orphanGuard: true, timeout: 5 },
    )
    expect(report.results[0]).toMatchObject({ status: 'ok' })
    expect(report.results[0]!.output.trim()).toBe('eof')
  })

  it('still stops a command at its timeout, the guard included', async () => {
    const events: RunEvent[] = []
    const report = await runTasks([nodeTask('sleeper', 'setTimeout(() => {}, 60_000)')], {
      orphanGuard: true,
      timeout: 0.3,
      onEvent: (e) => events.push(e),
    })
    expect(report.results[0]!.status).toBe('timed-out')
    const pid = events.flatMap((e) => (e.type === 'spawn' ? [e.pid] : []))[0]!
    expect(await waitGone(pid)).toBe(true)
  })
})

import { sleep } from 'strand'
import { describe, expect, it } from 'vitest'
import { runTasks } from '../src/index.js'

const CPU_TASKS = new URL('./fixtures/cpu-tasks.js', import.meta.url)

describe('runTasks() with thread tasks', () => {
  it('runs a module’s function on a worker thread and reports its value', async () => {
    const report = await runTasks(
      [
        { name: 'fib', module: CPU_TASKS, export: 'fib', args: [20] },
        { name: 'nap', run: () => sleep(0.01) },
      ],
      { threads: 1 },
    )
    expect(report.results.map((r) => [r.name, r.status])).toEqual([
      ['fib', 'ok'],
      ['nap', 'ok'],
    ])
    expect(report.results[0]?.value).toBe(6765)
  })

  it('stops a CPU-bound thread task at its timeout (its thread is ended) and retries it', async () => {
    const finished = new Int32Array(new SharedArrayBuffer(4))
    const started = performance.now()
    const report = await runTasks(
      [{ name: 'burn', module: CPU_TASKS, export: 'burn', args: [800, finished] }],
      { timeout: 0.15, retries: 1, backoff: 0, threads: 1 },
    )
    const [result] = report.results
    expect(result?.status).toBe('timed-out')
    expect(result?.attempts).toBe(2)
    expect(performance.now() - started).toBeLessThan(700)
    await sleep(1)
    expect(Atomics.load(finished, 0)).toBe(0) // neither attempt ran to its end
  })

  it('reports what the thread threw as the failure', async () => {
    const report = await runTasks([{ name: 'f', module: CPU_TASKS, export: 'fail', args: ['no'] }])
    expect(report.results[0]).toMatchObject({ status: 'failed', error: 'no' })
  })

  it('rejects a bad thread task synchronously, naming it', () => {
    expect(() => runTasks([{ name: 'x', module: './rel.js', export: 'fib' }])).toThrow(
      /`tasks\[0\]\.module`/,
    )
    expect(() => runTasks([{ name: 'x', module: CPU_TASKS, export: '' }])).toThrow(
      /`tasks\[0\]\.export`/,
    )
    expect(() => runTasks([], { threads: 0 })).toThrow(/`threads`/)
  })
})

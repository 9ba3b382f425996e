import { setTimeout as delay } from 'node:timers/promises'
import { getCurrent, sleep, spawn } from 'strand'
import { describe, expect, it } from 'vitest'
import { type RunEvent, runTasks, type TaskContext } from '../src/index.js'

function collect(): { events: RunEvent[]; onEvent: (event: RunEvent) => void } {
  const events: RunEvent[] = []
  return { events, onEvent: (event) => events.push(event) }
}

describe('runTasks()', () => {
  describe('concurrency', () => {
    it('never runs more than `concurrency` tasks at once, and fills every slot', async () => {
      let running = 0
      let peak = 0
      const tasks = Array.from({ length: 12 }, (_, i) => ({
        name: `t${i}`,
        run: async () => {
          running++
          peak = Math.max(peak, running)
          await sleep(0.005 + (i % 3) * 0.005)
          running--
        },
      }))
      const report = await runTasks(tasks, { concurrency: 3 })
      expect(peak).toBe(3)
      expect(running).toBe(0)
      expect(report.ok).toBe(true)
      expect(report.results.map((r) => r.status)).toEqual(Array(12).fill('ok'))
    })

    it('starts the tasks in list order and reports them in list order', async () => {
      const { events, onEvent } = collect()
      const tasks = [0.03, 0.01, 0.02, 0].map((s, i) => ({ name: `t${i}`, run: () => sleep(s) }))
      const report = await runTasks(tasks, { concurrency: 2, onEvent })
      const started = events.flatMap((e) => (e.type === 'start' ? [e.name] : []))
      expect(started).toEqual(['t0', 't1', 't2', 't3'])
      expect(report.results.map((r) => r.name)).toEqual(['t0', 't1', 't2', 't3'])
    })

    it('runs each task in its own greenlet, not in the caller', async () => {
      const caller = getCurrent()
      const seen: unknown[] = []
      await runTasks([async () => void seen.push(getCurrent())])
      expect(seen[0]).not.toBe(caller)
    })
  })

  describe('failures and retries', () => {
    it('retries a failing task `retries` times with growing delays, then reports it failed', async () => {
      const { events, onEvent } = collect()
      let calls = 0
      const report = await runTasks(
        [
          {
            name: 'flaky',
            run: async () => {
              calls++
              throw new Error(`nope ${calls}`)
            },
          },
        ],
        { retries: 2, backoff: 0.01, onEvent },
      )
      expect(calls).toBe(3)
      const [result] = report.results
      expect(result).toMatchObject({ status: 'failed', attempts: 3, error: 'nope 3' })
      const retries = events.flatMap((e) => (e.type === 'retry' ? [e] : []))
      expect(retries.map((e) => [e.attempt, e.delay, e.error])).toEqual([
        [1, 0.01, 'nope 1'],
        [2, 0.02, 'nope 2'],
      ])
    })

    it('stops retrying once an attempt succeeds and keeps its value', async () => {
      const attempts: number[] = []
      const report = await runTasks(
        [
          {
            name: 'third time lucky',
            run: async ({ attempt }: TaskContext) => {
              attempts.push(attempt)
              if (attempt < 3) throw new Error('not yet')
              return 'done'
            },
          },
        ],
        { retries: 5, backoff: 0 },
      )
      expect(attempts).toEqual([1, 2, 3])
      expect(report.results[0]).toMatchObject({ status: 'ok', attempts: 3, value: 'done' })
      expect(report.results[0]!.error).toBeUndefined()
    })

    it('lets a task override the retries of the run', async () => {
      let calls = 0
      const fail = async () => {
        calls++
        throw new Error('x')
      }
      await runTasks([{ name: 'once', run: fail, retries: 0 }], { retries: 3, backoff: 0 })
      expect(calls).toBe(1)
    })

    it('keeps running the other tasks when one fails', async () => {
      const done: string[] = []
      const report = await runTasks(
        [
          { name: 'a', run: () => sleep(0.02).then(() => void done.push('a')) },
          {
            name: 'boom',
            run: async () => {
              throw new TypeError('bad input')
            },
          },
          { name: 'c', run: () => sleep(0.01).then(() => void done.push('c')) },
          { name: 'd', run: async () => void done.push('d') },
        ],
        { concurrency: 2 },
      )
      expect(done.sort()).toEqual(['a', 'c', 'd'])
      expect(report.ok).toBe(false)
      expect(report.results.map((r) => r.status)).toEqual(['ok', 'failed', 'ok', 'ok'])
      expect(report.results[1]!.error).toBe('bad input')
    })

    it('keeps what a task wrote through write(), per attempt, trimmed to outputLimit', async () => {
      const report = await runTasks(
        [
          async ({ write, attempt }: TaskContext) => {
            write(`attempt ${attempt}: ${'x'.repeat(50)}END`)
            if (attempt === 1) throw new Error('again')
          },
        ],
        { retries: 1, backoff: 0, outputLimit: 10 },
      )
      expect(report.results[0]!.output).toBe('xxxxxxxEND')
    })
  })

  describe('timeouts', () => {
    it('stops a timed-out task at its Strand wait and reports it timed out', async () => {
      const { events, onEvent } = collect()
      let reached = false
      const report = await runTasks(
        [
          {
            name: 'slow',
            run: async () => {
              await sleep(10)
              reached = true
            },
          },
        ],
        { timeout: 0.05, onEvent },
      )
      expect(report.results[0]).toMatchObject({
        status: 'timed-out',
        attempts: 1,
        error: 'timed out after 0.05 s',
      })
      expect(report.results[0]!.duration).toBeLessThan(2)
      expect(events.some((e) => e.type === 'timeout' && e.seconds === 0.05)).toBe(true)
      await sleep(0.05)
      expect(reached).toBe(false)
    })

    it('aborts the attempt signal, which stops a plain promise that takes it', async () => {
      let signal: AbortSignal | undefined
      const started = Date.now()
      const report = await runTasks(
        [
          async (context: TaskContext) => {
            signal = context.signal
            await delay(10_000, null, { signal: context.signal }) // not a Strand wait
          },
        ],
        { timeout: 0.05 },
      )
      expect(report.results[0]!.status).toBe('timed-out')
      expect(signal?.aborted).toBe(true)
      expect(Date.now() - started).toBeLessThan(2000)
    })

    it('gives up on a promise that ignores its signal after the grace period', async () => {
      let release: () => void = () => {}
      const stuck = new Promise<void>((resolve) => (release = resolve))
      const report = await runTasks([{ name: 'deaf', run: () => stuck }, async () => 'next'], {
        timeout: 0.05,
        killGrace: 0,
        concurrency: 1,
      })
      expect(report.results.map((r) => r.status)).toEqual(['timed-out', 'ok'])
      release()
    })

    it('retries a timed-out attempt, and a task timeout wins over the run one', async () => {
      const { events, onEvent } = collect()
      const report = await runTasks([{ name: 'slow', run: () => sleep(10), timeout: 0.02 }], {
        timeout: 60,
        retries: 1,
        backoff: 0,
        onEvent,
      })
      expect(report.results[0]).toMatchObject({ status: 'timed-out', attempts: 2 })
      expect(events.filter((e) => e.type === 'timeout')).toHaveLength(2)
    })
  })

  describe('stopping', () => {
    it('stops running tasks and skips the rest when the signal aborts; every task is reported', async () => {
      const { events, onEvent } = collect()
      const controller = new AbortController()
      const signals: AbortSignal[] = []
      const sleeper = async ({ signal }: TaskContext) => {
        signals.push(signal)
        await sleep(10)
      }
      spawn(async () => {
        await sleep(0.05)
        controller.abort()
      })
      const report = await runTasks([sleeper, sleeper, sleeper, sleeper], {
        concurrency: 2,
        signal: controller.signal,
        onEvent,
      })
      expect(report.interrupted).toBe(true)
      expect(report.ok).toBe(false)
      expect(report.results.map((r) => r.status)).toEqual([
        'interrupted',
        'interrupted',
        'skipped',
        'skipped',
      ])
      expect(signals).toHaveLength(2)
      expect(signals.every((s) => s.aborted)).toBe(true)
      expect(events.filter((e) => e.type === 'finish')).toHaveLength(4)
      expect(events.find((e) => e.type === 'interrupt')).toEqual({ type: 'interrupt', running: 2 })
      expect(report.duration).toBeLessThan(2)
    })

    it('runs nothing when the signal is already aborted', async () => {
      let ran = false
      const report = await runTasks([async () => void (ran = true)], {
        signal: AbortSignal.abort(),
      })
      expect(ran).toBe(false)
      expect(report.results[0]!.status).toBe('skipped')
    })

    it('stops its tasks when the caller is killed, then dies', async () => {
      const signals: AbortSignal[] = []
      const caller = spawn(() =>
        runTasks(
          [
            async ({ signal }: TaskContext) => {
              signals.push(signal)
              await sleep(10)
            },
          ],
          {},
        ),
      )
      await sleep(0.03)
      await caller.kill()
      expect(caller.dead).toBe(true)
      expect(signals[0]?.aborted).toBe(true)
    })
  })

  describe('arguments', () => {
    it('throws synchronously for bad options, naming them', () => {
      expect(() => runTasks([], { concurrency: 0 })).toThrow(/`concurrency`.*got `0`/)
      expect(() => runTasks([], { concurrency: 1.5 })).toThrow(RangeError)
      expect(() => runTasks([], { timeout: -1 })).toThrow(/`timeout`/)
      expect(() => runTasks([], { retries: '2' as never })).toThrow(TypeError)
      expect(() => runTasks([], { onEvent: 1 as never })).toThrow(/`onEvent`/)
    })

    it('throws synchronously for a bad task, naming its index', () => {
      expect(() => runTasks([async () => {}, { name: 'x' } as never])).toThrow(/`tasks\[1\]`/)
      expect(() => runTasks([{ name: 'x', command: 'ls', args: 'a' } as never])).toThrow(
        /`tasks\[0\]\.args`/,
      )
    })

    it('names a bare function after itself, or task-<n>', async () => {
      const report = await runTasks([async function warmUp() {}, async () => {}])
      expect(report.results.map((r) => r.name)).toEqual(['warmUp', 'task-2'])
    })

    it('resolves at once with an empty report for no tasks', async () => {
      const report = await runTasks([])
      expect(report).toMatchObject({ results: [], ok: true, interrupted: false })
    })

    it('ignores an onEvent that throws', async () => {
      const report = await runTasks([async () => 1], {
        onEvent: () => {
          throw new Error('observer bug')
        },
      })
      expect(report.results[0]!.status).toBe('ok')
    })
  })
})

import { describe, expect, it } from 'vitest'
import { formatEvent, formatSummary, type RunReport, type TaskResult } from '../src/index.js'

const result = (over: Partial<TaskResult>): TaskResult => ({
  name: 't',
  index: 0,
  status: 'ok',
  attempts: 1,
  duration: 0.5,
  output: '',
  ...over,
})

describe('formatEvent()', () => {
  it('prints one line per event, measured times with a tilde', () => {
    expect(formatEvent({ type: 'start', name: 'a', index: 0, attempt: 1, attempts: 3 })).toBe(
      'start     a (attempt 1/3)',
    )
    expect(formatEvent({ type: 'finish', result: result({ name: 'a', duration: 1.234 }) })).toBe(
      'ok        a in ~1.23 s (1 attempt)',
    )
    expect(
      formatEvent({
        type: 'finish',
        result: result({ status: 'timed-out', attempts: 2, error: 'timed out after 1 s' }),
      }),
    ).toBe('timed out t in ~0.50 s (2 attempts): timed out after 1 s')
    expect(formatEvent({ type: 'spawn', name: 'a', index: 0, attempt: 1, pid: 1 })).toBeNull()
    expect(formatEvent({ type: 'interrupt', running: 1 })).toBe(
      'interrupted: stopping 1 running task',
    )
  })
})

describe('formatSummary()', () => {
  it('prints an aligned table in list order, totals, and the output tail of failures', () => {
    const report: RunReport = {
      results: [
        result({ name: 'build', duration: 2 }),
        result({ name: 'test', status: 'failed', attempts: 2, output: 'a\nb\nc\n' }),
        result({ name: 'lint', status: 'skipped', attempts: 0, duration: 0 }),
      ],
      ok: false,
      interrupted: false,
      duration: 2.5,
    }
    expect(formatSummary(report, 2)).toEqual([
      'task   status   attempts  time',
      'build  ok       1         ~2.00 s',
      'test   failed   2         ~0.50 s',
      'lint   skipped  0         -',
      '3 tasks: 1 ok, 1 failed, 1 skipped (~2.50 s)',
      '--- test (failed), last output:',
      '  b',
      '  c',
    ])
  })
})

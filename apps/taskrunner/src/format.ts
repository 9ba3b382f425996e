import type { RunEvent } from './run-event.js'
import type { RunReport } from './run-report.js'
import type { TaskResult, TaskStatus } from './task.js'

/** A measured duration, with a tilde: `~0.52 s`. */
function measured(seconds: number): string {
  return `~${seconds.toFixed(2)} s`
}

/** A live line: the label in a 9-wide column, then the text. */
function tag(label: string, text: string): string {
  return `${label.padEnd(9)} ${text}`
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

const LABEL: Record<TaskStatus, string> = {
  ok: 'ok',
  failed: 'failed',
  'timed-out': 'timed out',
  interrupted: 'stopped',
  skipped: 'skipped',
}

function describeEnd(result: TaskResult): string {
  const { name, status, attempts } = result
  if (status === 'skipped') return tag('skipped', `${name}: not started`)
  const head = tag(
    LABEL[status],
    `${name} in ${measured(result.duration)} (${plural(attempts, 'attempt')})`,
  )
  return status === 'ok' || result.error === undefined ? head : `${head}: ${result.error}`
}

/**
 * One line for a run event, as the CLI prints it live; null for events it does not show
 * (`spawn`). Measured durations carry a tilde (`~0.52 s`); configured ones do not.
 *
 * @example
 * import { formatEvent } from '@strand/taskrunner'
 * formatEvent({ type: 'start', name: 'build', index: 0, attempt: 1, attempts: 2 })
 * // => 'start     build (attempt 1/2)'
 * formatEvent({ type: 'timeout', name: 'build', index: 0, attempt: 1, seconds: 30 })
 * // => 'timeout   build after 30 s (attempt 1), stopped'
 */
export function formatEvent(event: RunEvent): string | null {
  switch (event.type) {
    case 'start':
      return tag('start', `${event.name} (attempt ${event.attempt}/${event.attempts})`)
    case 'spawn':
      return null
    case 'timeout':
      return tag(
        'timeout',
        `${event.name} after ${event.seconds} s (attempt ${event.attempt}), stopped`,
      )
    case 'retry':
      return tag(
        'retry',
        `${event.name} in ${event.delay} s (attempt ${event.attempt}/${event.attempts} failed: ${event.error})`,
      )
    case 'finish':
      return describeEnd(event.result)
    case 'interrupt':
      return `interrupted: stopping ${plural(event.running, 'running task')}`
  }
}

/**
 * The final summary: a table (task, status, attempts, time) in list order, then a totals
 * line, then the output tail (last `tailLines` lines) of every task that did not succeed.
 *
 * @example
 * import { formatSummary, runTasks } from '@strand/taskrunner'
 * const report = await runTasks([async function a() {}, async function b() { throw new Error('no') }])
 * console.log(formatSummary(report).join('\n'))
 * // => task  status  attempts  time
 * //    a     ok      1         ~0.00 s
 * //    b     failed  1         ~0.00 s
 * //    2 tasks: 1 ok, 1 failed (~0.00 s)
 */
export function formatSummary(report: RunReport, tailLines = 5): string[] {
  const rows = report.results.map((r) => [r.name, LABEL[r.status], String(r.attempts)])
  const header = ['task', 'status', 'attempts']
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((row) => row[col]!.length)))
  const line = (cells: string[], last: string): string =>
    `${cells.map((cell, col) => cell.padEnd(widths[col]!)).join('  ')}  ${last}`
  const lines = [line(header, 'time')]
  report.results.forEach((r, i) => {
    lines.push(line(rows[i]!, r.status === 'skipped' ? '-' : measured(r.duration)))
  })
  const counts = new Map<string, number>()
  for (const r of report.results)
    counts.set(LABEL[r.status], (counts.get(LABEL[r.status]) ?? 0) + 1)
  const totals = [...counts].map(([label, n]) => `${n} ${label}`).join(', ')
  lines.push(
    `${plural(report.results.length, 'task')}: ${totals || 'nothing to do'} (${measured(report.duration)})`,
  )
  for (const r of report.results) {
    if (r.status === 'ok' || r.status === 'skipped') continue
    const tail = r.output.trimEnd().split('\n').slice(-tailLines)
    if (tail.length === 1 && tail[0] === '') continue
    lines.push(`--- ${r.name} (${LABEL[r.status]}), last output:`)
    for (const text of tail) lines.push(`  ${text}`)
  }
  return lines
}

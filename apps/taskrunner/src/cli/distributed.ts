import { readFile } from 'node:fs/promises'
import { text } from 'node:stream/consumers'
import { parseArgs } from 'node:util'
import { RedisUnreachable } from 'strand/redis'
import { runWorker } from '../distributed/run-worker.js'
import { submitTasks } from '../distributed/submit-tasks.js'
import { formatEvent, formatSummary } from '../format.js'
import { commandTasksOnly, parseTaskFile, TaskFileError } from '../parse-task-file.js'
import type { CliOutput } from './main.js'
import { UsageError } from './parse-cli-args.js'
import { onStopSignals } from './stop-signals.js'

/** The distributed commands' part of `strand-tasks --help`. */
export const DISTRIBUTED_USAGE = `Distributed mode (a shared queue on Redis; several workers on several machines):
  strand-tasks worker --redis URL [-c N] [-t S] [-r N] [--visibility-timeout S] [--queue NAME]
      runs tasks from the queue, N at once, until Ctrl-C; a task a dead worker held
      goes to another worker after the visibility timeout (default 30 s)
  strand-tasks submit <file> --redis URL [--wait] [--queue NAME]
      puts the tasks of <file> on the queue; with --wait, prints each result as it
      completes and the summary (exit code 0 when every task succeeded, 1 otherwise)`

function seconds(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (value.trim() === '' || !(n > 0))
    throw new UsageError(`--${name} expects a number of seconds > 0, got '${value}'`)
  return n
}

function integer(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (value.trim() === '' || !Number.isInteger(n) || n < min) {
    throw new UsageError(`--${name} expects an integer ≥ ${min}, got '${value}'`)
  }
  return n
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        redis: { type: 'string' },
        queue: { type: 'string' },
        wait: { type: 'boolean' },
        concurrency: { type: 'string', short: 'c' },
        timeout: { type: 'string', short: 't' },
        retries: { type: 'string', short: 'r' },
        'visibility-timeout': { type: 'string' },
      },
    })
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

/** The task file's text (`-`: stdin). @throws UsageError when it cannot be read. */
async function readTaskFile(file: string): Promise<string> {
  try {
    return file === '-' ? await text(process.stdin) : await readFile(file, 'utf8')
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

/**
 * Runs `strand-tasks worker …` or `strand-tasks submit …` and resolves to the exit code:
 * 0 (submit --wait: every task succeeded), 1 (a task did not, or Redis cannot be
 * reached), 2 (a bad command line or task file), 130/143 after SIGINT/SIGTERM.
 */
export async function distributedMain(argv: readonly string[], output: CliOutput): Promise<number> {
  const [command, ...rest] = argv
  let args: ReturnType<typeof parse>
  try {
    args = parse(rest)
    if (args.values.redis === undefined) throw new UsageError(`${command} needs --redis URL`)
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    output.err(`strand-tasks: ${err.message}`)
    output.err('Try strand-tasks --help')
    return 2
  }
  const { values, positionals } = args
  const url = values.redis as string
  const queue = values.queue
  const signals = onStopSignals()
  try {
    if (command === 'worker') {
      if (positionals.length > 0)
        throw new UsageError(`worker takes no file, got '${positionals[0]}'`)
      output.out(`worker on ${url}, queue ${queue ?? 'strand-tasks'}`)
      const report = await runWorker({
        url,
        signal: signals.signal,
        onEvent: (event) => {
          const line = formatEvent(event)
          if (line !== null) output.out(line)
        },
        ...(queue !== undefined && { queue }),
        ...(values.concurrency !== undefined && {
          concurrency: integer('concurrency', values.concurrency, 1)!,
        }),
        ...(values.timeout !== undefined && { timeout: seconds('timeout', values.timeout)! }),
        ...(values.retries !== undefined && { retries: integer('retries', values.retries, 0)! }),
        ...(values['visibility-timeout'] !== undefined && {
          visibilityTimeout: seconds('visibility-timeout', values['visibility-timeout'])!,
        }),
      })
      output.out(
        `worker stopped after ${report.completed} task${report.completed === 1 ? '' : 's'}`,
      )
      return signals.exitCode() ?? 0
    }
    if (positionals.length !== 1)
      throw new UsageError('submit needs one task file (or - for stdin)')
    const file = positionals[0]!
    const content = await readTaskFile(file)
    const source = file === '-' ? 'stdin' : file
    const tasks = commandTasksOnly(parseTaskFile(content, source), source)
    const { id, report } = await submitTasks(tasks, {
      url,
      wait: values.wait === true,
      signal: signals.signal,
      onResult: (result) => output.out(formatEvent({ type: 'finish', result }) ?? ''),
      ...(queue !== undefined && { queue }),
    })
    if (report === null) {
      output.out(`submitted ${tasks.length} task${tasks.length === 1 ? '' : 's'} as ${id}`)
      return 0
    }
    output.out('')
    for (const line of formatSummary(report)) output.out(line)
    return signals.exitCode() ?? (report.ok ? 0 : 1)
  } catch (err) {
    if (err instanceof UsageError || err instanceof TaskFileError) {
      output.err(`strand-tasks: ${err.message}`)
      return 2
    }
    if (err instanceof RedisUnreachable) {
      output.err(`strand-tasks: ${err.message}`)
      return 1
    }
    throw err
  } finally {
    signals.cancel()
  }
}

import { readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { text } from 'node:stream/consumers'
import { formatEvent, formatSummary } from '../format.js'
import { parseTaskFile, TaskFileError } from '../parse-task-file.js'
import { runTasks } from '../run-tasks.js'
import { DISTRIBUTED_USAGE, distributedMain } from './distributed.js'
import { parseCliArgs, USAGE, UsageError } from './parse-cli-args.js'
import { onStopSignals } from './stop-signals.js'

/** Where the CLI writes, one line per call (tests can collect them). */
export interface CliOutput {
  out(line: string): void
  err(line: string): void
}

const processOutput: CliOutput = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
}

/**
 * Runs `strand-tasks` with `argv` (the arguments after the script) and resolves to the
 * exit code: 0 when every task succeeded, 1 otherwise, 2 for a bad command line or task
 * file, 130 after SIGINT (143 after SIGTERM). A signal stops the running tasks (their
 * processes too), skips the rest and still prints the summary.
 */
export async function main(
  argv: readonly string[],
  output: CliOutput = processOutput,
): Promise<number> {
  if (argv[0] === 'worker' || argv[0] === 'submit') return distributedMain(argv, output)
  let tasks: ReturnType<typeof parseTaskFile>
  let args: ReturnType<typeof parseCliArgs>
  try {
    args = parseCliArgs(argv)
    if (args.help) {
      output.out(`${USAGE}\n\n${DISTRIBUTED_USAGE}`)
      return 0
    }
    const source = args.file === '-' ? 'stdin' : args.file
    const content =
      args.file === '-' ? await text(process.stdin) : await readFile(args.file, 'utf8')
    tasks = parseTaskFile(content, source, args.file === '-' ? process.cwd() : dirname(args.file))
  } catch (err) {
    if (!(err instanceof UsageError || err instanceof TaskFileError || isFsError(err))) throw err
    output.err(`strand-tasks: ${(err as Error).message}`)
    if (err instanceof UsageError) output.err('Try strand-tasks --help')
    return 2
  }

  const stop = onStopSignals()
  try {
    const report = await runTasks(tasks, {
      concurrency: args.concurrency,
      timeout: args.timeout,
      retries: args.retries,
      ...(args.threads === null ? {} : { threads: args.threads }),
      signal: stop.signal,
      onEvent: (event) => {
        const line = formatEvent(event)
        if (line !== null) output.out(line)
      },
    })
    output.out('')
    for (const line of formatSummary(report)) output.out(line)
    return stop.exitCode() ?? (report.ok ? 0 : 1)
  } finally {
    stop.cancel()
  }
}

function isFsError(err: unknown): boolean {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string'
}

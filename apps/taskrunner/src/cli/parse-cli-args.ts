import { parseArgs } from 'node:util'

/** The command line of `strand-tasks`, checked. */
export interface CliArgs {
  help: boolean
  concurrency: number
  timeout: number | null
  retries: number
  /** Worker threads per tasks module of the thread tasks (null: the CPU count). */
  threads: number | null
  /** A path, or `-` for stdin. */
  file: string
}

/** What `strand-tasks --help` prints. */
export const USAGE = `Usage: strand-tasks [--concurrency N] [--timeout S] [--retries N] [--threads N] <file>

Runs the commands listed in <file> (a JSON array of { "name", "command", "args" },
or - to read it from stdin), at most N at once.

Options:
  -c, --concurrency N  how many tasks run at once (default 4)
  -t, --timeout S      seconds per attempt; a task past it is killed (default: none)
  -r, --retries N      extra attempts after a failure or timeout (default 0)
      --threads N      worker threads for the thread tasks (default: CPU count)
  -h, --help           show this help

A task may set its own "timeout", "retries", "cwd", "env" and "shell" in the file.
A thread task { "module", "export", "args" } runs a function of a JavaScript module
(path relative to <file>) on a worker thread; a timeout ends its thread.
Exit code: 0 when every task succeeded, 1 otherwise, 130 when stopped by Ctrl-C.`

/** A command line that cannot be run: the message says what to fix. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

function number(
  name: string,
  text: string | undefined,
  integer: boolean,
  min: number,
): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (
    text.trim() === '' ||
    Number.isNaN(value) ||
    value < min ||
    (integer && !Number.isInteger(value))
  ) {
    const kind = integer ? `an integer ≥ ${min}` : `a number of seconds > ${min}`
    throw new UsageError(`--${name} expects ${kind}, got '${text}'`)
  }
  return value
}

/**
 * Parses `strand-tasks` arguments with `util.parseArgs`.
 *
 * @throws UsageError for an unknown option, a bad number, or not exactly one file.
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
  const { values, positionals } = parsed
  const help = values.help ?? false
  if (!help && positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'no task file given (use - for stdin)'
        : `one task file expected, got ${positionals.length}`,
    )
  }
  const timeout = number('timeout', values.timeout, false, 0)
  if (timeout === 0) throw new UsageError(`--timeout expects a number of seconds > 0, got '0'`)
  return {
    help,
    concurrency: number('concurrency', values.concurrency, true, 1) ?? 4,
    timeout: timeout ?? null,
    retries: number('retries', values.retries, true, 0) ?? 0,
    threads: number('threads', values.threads, true, 1) ?? null,
    file: positionals[0] ?? '-',
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      concurrency: { type: 'string', short: 'c' },
      timeout: { type: 'string', short: 't' },
      retries: { type: 'string', short: 'r' },
      threads: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
}

import { describe } from './internal/validate.js'
import { parseThreadEntry } from './parse-thread-entry.js'
import type { CommandTask } from './task.js'
import type { ThreadTask } from './thread-task.js'

/**
 * A task file that is not valid JSON or does not describe command tasks. The message
 * names the file and the entry.
 *
 * @example
 * import { TaskFileError } from '@strand/taskrunner'
 * new TaskFileError('tasks.json: not JSON').name // => 'TaskFileError'
 */
export class TaskFileError extends Error {
  override readonly name = 'TaskFileError'
}

const KEYS = new Set(['name', 'command', 'args', 'cwd', 'env', 'shell', 'timeout', 'retries'])

function check(ok: boolean, where: string, what: string, value: unknown): void {
  if (!ok) throw new TaskFileError(`${where}: \`${what}\`, got ${describe(value)}`)
}

/**
 * Parses a task file: a JSON array of `{ name?, command, args?, cwd?, env?, shell?,
 * timeout?, retries? }` (a task without a name is named after its command), or of
 * thread tasks `{ name?, module, export, args?, timeout?, retries? }` (`module` relative
 * to `baseDir`, default the current directory).
 *
 * @throws TaskFileError for invalid JSON, a non-array, an entry without a `command`
 *   string, a mistyped field or an unknown key, naming `source` and the entry.
 * @example
 * import { parseTaskFile } from '@strand/taskrunner'
 * parseTaskFile('[{ "command": "echo", "args": ["hi"] }]', 'tasks.json')
 * // => [{ name: 'echo', command: 'echo', args: ['hi'] }]
 */
export function parseTaskFile(
  text: string,
  source = 'tasks',
  baseDir = process.cwd(),
): (CommandTask | ThreadTask)[] {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    throw new TaskFileError(`${source}: not valid JSON (${(err as Error).message})`)
  }
  if (!Array.isArray(data)) {
    throw new TaskFileError(`${source}: expected a JSON array of tasks, got ${describe(data)}`)
  }
  return data.map((entry: unknown, i): CommandTask | ThreadTask => {
    const where = `${source}: task ${i + 1}`
    check(
      entry !== null && typeof entry === 'object' && !Array.isArray(entry),
      where,
      'expected an object { name, command, args }',
      entry,
    )
    const e = entry as Record<string, unknown>
    if ('module' in e) return parseThreadEntry(e, where, baseDir)
    for (const key of Object.keys(e)) {
      if (!KEYS.has(key)) {
        throw new TaskFileError(`${where}: unknown key \`${key}\` (known: ${[...KEYS].join(', ')})`)
      }
    }
    check(
      typeof e.command === 'string' && e.command !== '',
      where,
      'command must be a non-empty string',
      e.command,
    )
    const task: CommandTask = { name: String(e.name ?? e.command), command: e.command as string }
    if (e.name !== undefined)
      check(typeof e.name === 'string', where, 'name must be a string', e.name)
    if (e.args !== undefined) {
      check(
        Array.isArray(e.args) && e.args.every((a) => typeof a === 'string'),
        where,
        'args must be an array of strings',
        e.args,
      )
      task.args = e.args as string[]
    }
    if (e.cwd !== undefined) {
      check(typeof e.cwd === 'string', where, 'cwd must be a string', e.cwd)
      task.cwd = e.cwd as string
    }
    if (e.env !== undefined) {
      const env = e.env as Record<string, unknown>
      check(
        env !== null &&
          typeof env === 'object' &&
          Object.values(env).every((v) => typeof v === 'string'),
        where,
        'env must be an object of strings',
        e.env,
      )
      task.env = env as Record<string, string>
    }
    if (e.shell !== undefined) {
      check(typeof e.shell === 'boolean', where, 'shell must be true or false', e.shell)
      task.shell = e.shell as boolean
    }
    if (e.timeout !== undefined) {
      check(
        e.timeout === null || (typeof e.timeout === 'number' && e.timeout >= 0),
        where,
        'timeout must be seconds ≥ 0 or null',
        e.timeout,
      )
      task.timeout = e.timeout as number | null
    }
    if (e.retries !== undefined) {
      check(
        typeof e.retries === 'number' && Number.isInteger(e.retries) && e.retries >= 0,
        where,
        'retries must be an integer ≥ 0',
        e.retries,
      )
      task.retries = e.retries as number
    }
    return task
  })
}

/**
 * The command tasks of a task file for the distributed mode: a thread task names a
 * module on this machine's disk, which a worker elsewhere may not have.
 * @throws TaskFileError for a thread task entry.
 */
export function commandTasksOnly(
  tasks: readonly (CommandTask | ThreadTask)[],
  source = 'tasks',
): CommandTask[] {
  return tasks.map((task, i) => {
    if ('module' in task) {
      throw new TaskFileError(
        `${source}[${i}]: thread tasks (\`module\`) cannot be sent to a Redis queue: a worker on another machine may not have the module; run them locally, or make them command tasks`,
      )
    }
    return task
  })
}

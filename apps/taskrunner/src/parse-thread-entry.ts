import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe } from './internal/validate.js'
import { TaskFileError } from './parse-task-file.js'
import type { ThreadTask } from './thread-task.js'

const KEYS = new Set(['name', 'module', 'export', 'args', 'timeout', 'retries'])

/**
 * A task file entry with a `module`: a {@link ThreadTask}. `module` is a path relative
 * to `baseDir` (the task file's folder) or absolute; `args` any JSON values.
 *
 * @throws TaskFileError for a mistyped field or an unknown key, naming `where`.
 */
export function parseThreadEntry(
  e: Record<string, unknown>,
  where: string,
  baseDir: string,
): ThreadTask {
  for (const key of Object.keys(e)) {
    if (!KEYS.has(key)) {
      throw new TaskFileError(
        `${where}: unknown key \`${key}\` for a thread task (known: ${[...KEYS].join(', ')})`,
      )
    }
  }
  const fail = (what: string, value: unknown): never => {
    throw new TaskFileError(`${where}: \`${what}\`, got ${describe(value)}`)
  }
  if (typeof e.module !== 'string' || e.module === '') fail('module must be a path', e.module)
  if (typeof e.export !== 'string' || e.export === '') {
    fail('export must name a function of the module', e.export)
  }
  if (e.args !== undefined && !Array.isArray(e.args)) fail('args must be an array', e.args)
  if (e.name !== undefined && typeof e.name !== 'string') fail('name must be a string', e.name)
  const task: ThreadTask = {
    name: String(e.name ?? e.export),
    module: pathToFileURL(resolve(baseDir, e.module as string)),
    export: e.export as string,
  }
  if (e.args !== undefined) task.args = e.args as unknown[]
  if (e.timeout !== undefined) {
    if (!(e.timeout === null || (typeof e.timeout === 'number' && e.timeout >= 0))) {
      fail('timeout must be seconds ≥ 0 or null', e.timeout)
    }
    task.timeout = e.timeout as number | null
  }
  if (e.retries !== undefined) {
    if (!(typeof e.retries === 'number' && Number.isInteger(e.retries) && e.retries >= 0)) {
      fail('retries must be an integer ≥ 0', e.retries)
    }
    task.retries = e.retries as number
  }
  return task
}

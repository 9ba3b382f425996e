import { isAbsolute } from 'node:path'
import type { Task } from '../task.js'
import type { AttemptContext } from './attempt-context.js'
import { runCommand } from './run-command.js'
import type { ThreadPools } from './thread-pools.js'
import { checkInteger, checkSeconds, describe } from './validate.js'

/** A task ready to run: its body and its own limits (undefined: the run's). */
export interface PreparedTask {
  name: string
  isCommand: boolean
  body: (context: AttemptContext) => unknown
  timeout: number | null | undefined
  retries: number | undefined
}

/**
 * Checks a task and turns it into a {@link PreparedTask}. @throws TypeError/RangeError
 * naming `tasks[index]` and what is wrong with it.
 */
export function prepareTask(
  task: Task,
  index: number,
  killGrace: number,
  threads: ThreadPools,
  orphanGuard = false,
): PreparedTask {
  const where = `tasks[${index}]`
  if (typeof task === 'function') {
    return {
      name: task.name || `task-${index + 1}`,
      isCommand: false,
      body: task,
      timeout: undefined,
      retries: undefined,
    }
  }
  if (task === null || typeof task !== 'object') {
    throw new TypeError(
      `Expected \`${where}\` to be a function or { name, run }, { name, command } or { name, module, export }, got ${describe(task)}`,
    )
  }
  const name = typeof task.name === 'string' && task.name !== '' ? task.name : `task-${index + 1}`
  const timeout =
    task.timeout === undefined ? undefined : checkSeconds(`${where}.timeout`, task.timeout)
  const retries =
    task.retries === undefined ? undefined : checkInteger(`${where}.retries`, task.retries, 0, 0)
  if ('run' in task && typeof task.run === 'function') {
    const run = task.run
    return { name, isCommand: false, body: (context) => run(context), timeout, retries }
  }
  if ('module' in task) {
    const { module, export: exported } = task
    const args = task.args ?? []
    const fileUrl = module instanceof URL ? module.protocol === 'file:' : typeof module === 'string'
    if (
      !fileUrl ||
      (typeof module === 'string' && !module.startsWith('file:') && !isAbsolute(module))
    ) {
      throw new TypeError(
        `Expected \`${where}.module\` to be a file: URL or an absolute path, got ${describe(module)}`,
      )
    }
    if (typeof exported !== 'string' || exported === '') {
      throw new TypeError(
        `Expected \`${where}.export\` to be the name of a function the module exports, got ${describe(exported)}`,
      )
    }
    if (!Array.isArray(args)) {
      throw new TypeError(`Expected \`${where}.args\` to be an array, got ${describe(task.args)}`)
    }
    return {
      name,
      isCommand: false,
      body: () => threads.run(module, exported, args),
      timeout,
      retries,
    }
  }
  if ('command' in task && typeof task.command === 'string' && task.command !== '') {
    const args = task.args ?? []
    if (!Array.isArray(args) || !args.every((arg) => typeof arg === 'string')) {
      throw new TypeError(
        `Expected \`${where}.args\` to be an array of strings, got ${describe(task.args)}`,
      )
    }
    return {
      name,
      isCommand: true,
      body: (context) => runCommand(task, context, killGrace, orphanGuard),
      timeout,
      retries,
    }
  }
  throw new TypeError(
    `Expected \`${where}\` to have a \`run\` function, a non-empty \`command\` string or a \`module\`, got ${describe(task)}`,
  )
}

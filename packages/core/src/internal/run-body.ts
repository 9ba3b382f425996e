import { isGreenletExit } from '../errors.js'
import { isAbortError } from './abort.js'
import { currentTask } from './context.js'
import { taskExited } from './handles.js'
import type { Task } from './task.js'

/**
 * Runs a task's body. Called by the hub with `task` as the current context; the settle
 * handlers find their task through the context again, so starting a greenlet allocates
 * no closure and no extra async frame.
 */
export function runTaskBody(task: Task): void {
  let result: unknown
  try {
    result = (task.fn as Function).apply(undefined, task.args as unknown[])
  } catch (err) {
    exitFailed(task, err)
    return
  }
  if (result instanceof Promise) result.then(onBodyValue, onBodyError)
  else if (result !== null && typeof (result as PromiseLike<unknown>)?.then === 'function') {
    Promise.resolve(result).then(onBodyValue, onBodyError)
  } else taskExited(task, result, false)
}

function onBodyValue(value: unknown): void {
  const task = currentTask() as Task
  taskExited(task, value, false)
}

function onBodyError(err: unknown): void {
  exitFailed(currentTask() as Task, err)
}

// Ending by GreenletExit is a normal end. An AbortError caused by the task's own
// interrupt (a Node API given its signal) is that interrupt, as at any Strand wait.
function exitFailed(task: Task, err: unknown): void {
  const x = task.x
  if (x !== null && isAbortError(err) && err.cause !== undefined) {
    if (err.cause === x.lastInterrupt || err.cause === x.killedWith) err = err.cause
  }
  taskExited(task, err, !isGreenletExit(err))
}

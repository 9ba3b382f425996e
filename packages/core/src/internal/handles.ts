import type { Task } from './task.js'

/**
 * How the kernel and the hub reach the user's handle type without importing it: the
 * handle module (greenlet.ts) registers these when it loads, so dependencies point one
 * way — kernel ← hub ← Greenlet.
 */
export interface HandleType<H> {
  /** The task record behind a handle; throws TypeError for anything else. */
  taskOf(handle: H): Task
  /** Makes the handle of a hub's root task ("main"). */
  rootHandle(task: Task): H
  /** The task's body returned (or threw): the handle decides what dying means. */
  exited(task: Task, result: unknown, failed: boolean): void
}

let registered: HandleType<unknown> | null = null

/** Tells the handle that a task's body ended (see {@link HandleType.exited}). */
export let taskExited: (task: Task, result: unknown, failed: boolean) => void = () => {
  throw new TypeError('@strand/core: the Greenlet module was not loaded (import from @strand/core)')
}

export function registerHandleType<H>(type: HandleType<H>): void {
  registered = type as HandleType<unknown>
  taskExited = type.exited
}

export function handleType<H>(): HandleType<H> {
  if (registered === null) {
    throw new TypeError(
      '@strand/core: the Greenlet module was not loaded (import from @strand/core)',
    )
  }
  return registered as HandleType<H>
}

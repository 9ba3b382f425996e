/**
 * The abort signal piscina gets for one task. piscina takes any object with `aborted`,
 * `reason` and `addEventListener`/`removeEventListener('abort')`. One real listener per
 * greenlet signal fans out to that greenlet's tasks (a Set: O(1) to leave), instead of
 * a listener per task on the greenlet's AbortSignal, whose removal walks every listener
 * (10,000 tasks submitted at once from one greenlet took seconds that way).
 */
export class TaskSignal {
  aborted = false
  reason: unknown = undefined
  private listener: (() => void) | null = null
  private group: Set<TaskSignal> | null = null

  /** piscina's hook: called once when the task is to be aborted. */
  addEventListener(_type: 'abort', listener: () => void): void {
    this.listener = listener
  }

  /** piscina calls it when the task is done: leave the greenlet's set. */
  removeEventListener(): void {
    this.listener = null
    this.group?.delete(this)
    this.group = null
  }

  /** @internal */
  join(group: Set<TaskSignal>): void {
    this.group = group
    group.add(this)
  }

  /** @internal */
  abort(reason: unknown): void {
    if (this.aborted) return
    this.aborted = true
    this.reason = reason
    const listener = this.listener
    this.listener = null
    this.group = null
    listener?.()
  }
}

const groups = new WeakMap<AbortSignal, Set<TaskSignal>>()

/** A {@link TaskSignal} aborted (with the same reason) when `signal` aborts. */
export function taskSignal(signal: AbortSignal): TaskSignal {
  const task = new TaskSignal()
  if (signal.aborted) {
    task.aborted = true
    task.reason = signal.reason
    return task
  }
  let group = groups.get(signal)
  if (group === undefined) {
    const members = new Set<TaskSignal>()
    group = members
    groups.set(signal, members)
    signal.addEventListener(
      'abort',
      () => {
        for (const t of [...members]) t.abort(signal.reason)
        members.clear()
      },
      { once: true },
    )
  }
  task.join(group)
  return task
}

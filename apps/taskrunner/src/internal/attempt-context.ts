import type { TaskContext } from '../task.js'

/** The context of one attempt, with what the runner needs to hear back (a child's pid). */
export interface AttemptContext extends TaskContext {
  /** Called by a command task once its child process is running. */
  spawned(pid: number): void
}

/**
 * Why a command task's attempt failed: it exited with a non-zero code (`exitCode`), was
 * killed by a signal, or could not be started (`exitCode` undefined).
 *
 * @example
 * import { CommandFailed } from '@strand/taskrunner'
 * const err = new CommandFailed('exit code 2', 2)
 * err.message // => 'exit code 2'
 */
export class CommandFailed extends Error {
  override readonly name = 'CommandFailed'

  constructor(
    message: string,
    /** The exit code, when the process exited with one. */
    readonly exitCode?: number,
  ) {
    super(message)
  }
}

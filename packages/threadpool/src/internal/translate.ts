import { ThreadPoolClosed, WorkerCrashed } from '../errors.js'
import { type ErrorClass, fromRecord, isErrorRecord } from './remote-error.js'

const EXITED = /^worker exited with code: (-?\d+)$/

/**
 * What the caller of task `name` sees for a rejection of piscina's promise:
 * - what the task threw (a record from dispatch.js), rebuilt;
 * - piscina's AbortError for an interrupted caller, as is (the caller already got its
 *   kill exception or Timeout; this one is dropped);
 * - {@link ThreadPoolClosed} once the pool ended its threads (`cutOff`);
 * - {@link WorkerCrashed} when the thread died under the task (exit, uncaught error);
 * - anything else as is (a DataCloneError for arguments that cannot be cloned).
 */
export function translate(
  err: unknown,
  name: string,
  classes: ReadonlyMap<string, ErrorClass>,
  cutOff: boolean,
): unknown {
  if (isErrorRecord(err)) return fromRecord(err, classes)
  if (err instanceof Error && err.name === 'AbortError') return err
  if (cutOff) return new ThreadPoolClosed(name, true, { cause: err })
  if (err instanceof Error) {
    const exited = EXITED.exec(err.message)
    if (exited !== null) return new WorkerCrashed(name, Number(exited[1]), { cause: err })
    if (err.name === 'DataCloneError') return err
  }
  // an error that escaped the task in the worker (piscina's 'error' of a busy thread)
  return new WorkerCrashed(name, null, { cause: err })
}

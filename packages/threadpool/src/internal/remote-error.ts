/** The key of the tasks module's URL in the workers' `workerData` (see dispatch.js). */
export const WORKER_DATA_KEY = '@strand/threadpool'
/** Marks a record of what a task threw (see dispatch.js). */
const RECORD_KEY = '__strandThreadError'

/** A class the main thread may rebuild a worker's error as (matched by `name`). */
export type ErrorClass = abstract new (...args: never[]) => Error

interface ErrorRecord {
  name?: string
  message?: string
  stack?: string
  props?: Record<string, unknown>
  cause?: unknown
  errors?: unknown[]
  thrown?: unknown
}

// The built-in classes survive by name; anything else becomes an Error with its name.
const BUILT_IN: Record<string, ErrorClass> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
  AggregateError,
}

/** True for what dispatch.js sends for a task that threw. */
export function isErrorRecord(value: unknown): value is ErrorRecord {
  return typeof value === 'object' && value !== null && RECORD_KEY in value
}

/**
 * Turns a record back into what the task threw: an instance of the class registered
 * under its name (or the built-in one of that name, else `Error`), with the worker's
 * name, message and stack, its `cause` and its clonable own properties.
 */
export function fromRecord(record: ErrorRecord, classes: ReadonlyMap<string, ErrorClass>): unknown {
  if (!('name' in record)) return record.thrown
  const name = record.name ?? 'Error'
  const cls = classes.get(name) ?? BUILT_IN[name] ?? Error
  const err = Object.create(cls.prototype) as Error & Record<string, unknown>
  define(err, 'message', record.message ?? '')
  define(err, 'stack', record.stack ?? `${name}: ${record.message ?? ''}`)
  if (err.name !== name) define(err, 'name', name)
  if ('cause' in record) define(err, 'cause', revive(record.cause, classes))
  if (record.errors !== undefined) {
    define(
      err,
      'errors',
      record.errors.map((e) => revive(e, classes)),
    )
  }
  for (const [key, value] of Object.entries(record.props ?? {})) err[key] = value
  return err
}

function revive(value: unknown, classes: ReadonlyMap<string, ErrorClass>): unknown {
  return isErrorRecord(value) ? fromRecord(value, classes) : value
}

// as `new Error()` has them: own, writable, not enumerable
function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, configurable: true })
}

// @ts-check
// The module piscina runs in every worker thread of a ThreadPool. It loads the user's
// tasks module once, calls the named export with the arguments, and turns what that
// throws into a plain record, because the structured clone keeps only the built-in
// error classes: a `HashError` would arrive as an `Error` without its `code`.
// Plain JavaScript on purpose: Node 20 loads it in the worker as it is, also from the
// sources in tests (no TypeScript loader there).
import { workerData } from 'node:worker_threads'

/** Must match WORKER_DATA_KEY in internal/remote-error.ts. */
const KEY = '@strand/threadpool'
/** Must match RECORD_KEY in internal/remote-error.ts. */
const RECORD = '__strandThreadError'

const url = workerData?.[KEY]
/** @type {Record<string, unknown> | null} */
let tasks = null
/** @type {Promise<void> | null} */
let loading = null

/**
 * Runs one task: `[name, args]` → `tasks[name](...args)`.
 * @param {[string, unknown[]]} task
 * @returns {unknown}
 */
export default function dispatch(task) {
  if (tasks !== null) return call(tasks, task)
  loading ??= import(url).then((mod) => {
    tasks = mod
  })
  return loading.then(
    () => call(/** @type {Record<string, unknown>} */ (tasks), task),
    (err) => {
      throw toRecord(err)
    },
  )
}

/**
 * @param {Record<string, unknown>} mod
 * @param {[string, unknown[]]} task
 * @returns {unknown}
 */
function call(mod, task) {
  const name = task[0]
  let out
  try {
    const fn = mod[name]
    if (typeof fn !== 'function') throw noSuchTask(mod, name)
    out = fn(...task[1])
  } catch (err) {
    throw toRecord(err)
  }
  if (isThenable(out)) return out.then(undefined, rethrow)
  return out
}

/** @param {unknown} err @returns {never} */
function rethrow(err) {
  throw toRecord(err)
}

/**
 * @param {unknown} value
 * @returns {value is PromiseLike<unknown>}
 */
function isThenable(value) {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (/** @type {{ then?: unknown }} */ (value).then) === 'function'
  )
}

/** @param {Record<string, unknown>} mod @param {string} name */
function noSuchTask(mod, name) {
  const names = Object.keys(mod).filter((k) => typeof mod[k] === 'function')
  return new TypeError(
    `The tasks module ${url} has no exported function \`${name}\` (it exports: ${names.join(', ') || 'none'}); export it, or check the name passed to the ThreadPool`,
  )
}

/**
 * What was thrown, as a record the main thread turns back into an error of the same
 * class name, message, stack, `cause` and own properties (those that can be cloned).
 * @param {unknown} err
 * @param {number} [depth]
 * @returns {Record<string, unknown>}
 */
function toRecord(err, depth = 0) {
  if (!(err instanceof Error)) return { [RECORD]: 1, thrown: cloneable(err) }
  /** @type {Record<string, unknown>} */
  const props = {}
  for (const key of Object.keys(err)) {
    if (key === 'cause' || key === 'errors') continue
    const value = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (err))[key]
    if (isCloneable(value)) props[key] = value
  }
  /** @type {Record<string, unknown>} */
  const record = {
    [RECORD]: 1,
    name: err.name,
    message: err.message,
    stack: err.stack,
    props,
  }
  if (depth < 8 && 'cause' in err) record.cause = toRecord(err.cause, depth + 1)
  if (depth < 8 && err instanceof AggregateError && Array.isArray(err.errors)) {
    record.errors = err.errors.map((e) => toRecord(e, depth + 1))
  }
  return record
}

/** @param {unknown} value */
function isCloneable(value) {
  if (value === null || typeof value !== 'object') {
    return typeof value !== 'function' && typeof value !== 'symbol'
  }
  try {
    structuredClone(value)
    return true
  } catch {
    return false
  }
}

/** @param {unknown} value */
function cloneable(value) {
  return isCloneable(value) ? value : String(value)
}

import { availableParallelism } from 'node:os'
import { isAbsolute } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { TransferListItem } from 'node:worker_threads'
import { checkOptions, describe } from '@strand/core/internal'
import type { ErrorClass } from './remote-error.js'

/** What the ThreadPool constructor keeps of its options, checked. */
export interface PoolSettings {
  href: string
  size: number
  maxQueue: number | null
  errorClasses: Map<string, ErrorClass>
}

/** @throws TypeError/RangeError naming the option and the value. */
export function checkPoolOptions(opts: unknown): PoolSettings {
  if (opts === null || typeof opts !== 'object') {
    throw new TypeError(
      `Expected \`opts\` to be an options object with a \`filename\`, got ${describe(opts)}`,
    )
  }
  const o = opts as Record<string, unknown>
  return {
    href: checkFilename(o.filename),
    size: checkInteger('size', o.size, 1) ?? availableParallelism(),
    maxQueue: checkInteger('maxQueue', o.maxQueue, 0),
    errorClasses: checkErrorClasses(o.errorClasses),
  }
}

function checkFilename(value: unknown): string {
  const expected = 'Expected `filename` to be a file: URL or an absolute path to the tasks module'
  if (value instanceof URL) {
    if (value.protocol !== 'file:') throw new RangeError(`${expected}, got ${describe(value)}`)
    return value.href
  }
  if (typeof value !== 'string') throw new TypeError(`${expected}, got ${describe(value)}`)
  if (value.startsWith('file:')) return new URL(value).href
  if (!isAbsolute(value)) {
    throw new RangeError(
      `${expected}, got ${describe(value)}; use new URL('./tasks.js', import.meta.url)`,
    )
  }
  return pathToFileURL(value).href
}

/** An integer from `min` up; undefined, null and Infinity mean "not set". */
function checkInteger(name: string, value: unknown, min: number): number | null {
  if (value === undefined || value === null || value === Number.POSITIVE_INFINITY) return null
  const text = `Expected \`${name}\` to be an integer from ${min} and up, got ${describe(value)}`
  if (typeof value !== 'number') throw new TypeError(text)
  if (!Number.isInteger(value) || value < min) throw new RangeError(text)
  return value
}

function checkErrorClasses(value: unknown): Map<string, ErrorClass> {
  const classes = new Map<string, ErrorClass>()
  if (value === undefined || value === null) return classes
  const text = `Expected \`errorClasses\` to be an array of Error classes, got ${describe(value)}`
  if (typeof (value as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new TypeError(text)
  }
  for (const cls of value as Iterable<unknown>) {
    if (typeof cls !== 'function' || !(cls.prototype instanceof Error)) throw new TypeError(text)
    classes.set((cls as { name: string }).name, cls as ErrorClass)
  }
  return classes
}

/** A task name: a non-empty string. */
export function checkName(value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(
      `Expected \`name\` to be the name of a function the tasks module exports, got ${describe(value)}`,
    )
  }
  return value
}

/** `args` of apply: an array (undefined: none). */
export function checkArgs(value: unknown): unknown[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) {
    throw new TypeError(`Expected \`args\` to be an array of arguments, got ${describe(value)}`)
  }
  return value
}

/** The `transferList` of apply's options, or undefined. */
export function checkTransferList(opts: unknown): TransferListItem[] | undefined {
  checkOptions('opts', opts)
  const list = (opts as { transferList?: unknown } | undefined)?.transferList
  if (list === undefined) return undefined
  if (!Array.isArray(list)) {
    throw new TypeError(
      `Expected \`transferList\` to be an array of transferable objects (ArrayBuffer, MessagePort, …), got ${describe(list)}`,
    )
  }
  return list as TransferListItem[]
}

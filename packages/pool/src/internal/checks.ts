import { Greenlet } from '@strand/core'
import { describe } from '@strand/core/internal'

/** @throws TypeError unless `value` is a Greenlet. */
export function checkGreenlet(name: string, value: unknown): asserts value is Greenlet {
  if (!(value instanceof Greenlet)) {
    throw new TypeError(`Expected \`${name}\` to be a Greenlet, got ${describe(value)}`)
  }
}

/** `args` of apply/applyAsync: an array, or undefined for none. */
export function checkArgs(value: unknown): unknown[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) {
    throw new TypeError(`Expected \`args\` to be an array of arguments, got ${describe(value)}`)
  }
  return value
}

/** @throws TypeError unless `value` is iterable or async iterable. */
export function checkItems(value: unknown): void {
  const v = value as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown } | null
  if (
    v === null ||
    v === undefined ||
    (typeof v[Symbol.iterator] !== 'function' && typeof v[Symbol.asyncIterator] !== 'function')
  ) {
    throw new TypeError(
      `Expected \`items\` to be an iterable or async iterable, got ${describe(value)}`,
    )
  }
}

/** imap's `maxsize`: null/undefined/0/Infinity mean unbounded (as Queue); else an integer ≥ 1. */
export function checkMaxsize(value: unknown): number {
  if (value === undefined || value === null || value === 0 || value === Number.POSITIVE_INFINITY) {
    return Number.POSITIVE_INFINITY
  }
  if (typeof value !== 'number') {
    throw new TypeError(
      `Expected \`maxsize\` to be an integer from 1 and up, got ${describe(value)}`,
    )
  }
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(
      `Expected \`maxsize\` to be an integer from 1 and up, got ${describe(value)}`,
    )
  }
  return value
}

/** Pool's `size`: an integer ≥ 1. */
export function checkSize(value: unknown): number {
  if (typeof value !== 'number') {
    throw new TypeError(
      `Expected \`size\` to be an integer from 1 and up, got ${describe(value)}; use a Group for no limit`,
    )
  }
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`Expected \`size\` to be an integer from 1 and up, got ${describe(value)}`)
  }
  return value
}

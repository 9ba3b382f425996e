import { describe } from '@strand/core/internal'

/**
 * Validates a queue's `maxsize`. `undefined`, `null`, `0` and `Infinity` mean unbounded
 * and come back as `Infinity`.
 * @throws TypeError for a non-number, RangeError for a negative or fractional number.
 */
export function checkMaxsize(value: unknown): number {
  if (value === undefined || value === null || value === 0 || value === Number.POSITIVE_INFINITY) {
    return Number.POSITIVE_INFINITY
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    const err = typeof value === 'number' ? RangeError : TypeError
    throw new err(
      `Expected \`maxsize\` to be an integer from 0 and up (0 or null: unbounded), got ${describe(value)}`,
    )
  }
  return value
}

/** @throws TypeError unless `value` is iterable (or undefined/null). */
export function checkItems(value: unknown): void {
  if (value === undefined || value === null) return
  if (typeof (value as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new TypeError(`Expected \`items\` to be an iterable, got ${describe(value)}`)
  }
}

/** Formats a received value for an argument error: `` `-1` (number) ``. */
export function describe(value: unknown): string {
  let shown: string
  try {
    shown =
      typeof value === 'function'
        ? value.name
          ? `[Function ${value.name}]`
          : '[Function]'
        : String(value)
  } catch {
    shown = Object.prototype.toString.call(value)
  }
  return `\`${shown}\` (${value === null ? 'null' : typeof value})`
}

/**
 * Validates a duration in seconds. `undefined`, `null` and `Infinity` mean "no limit"
 * and come back as `null`.
 * @throws TypeError for a non-number, RangeError for NaN or a negative number.
 */
export function checkSeconds(name: string, value: unknown): number | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'number') {
    throw new TypeError(`Expected \`${name}\` to be a number of seconds, got ${describe(value)}`)
  }
  if (!(value >= 0)) {
    throw new RangeError(
      `Expected \`${name}\` to be a number of seconds from 0 and up, got ${describe(value)}`,
    )
  }
  return value === Number.POSITIVE_INFINITY ? null : value
}

/** @throws TypeError unless `value` is a function. */
export function checkFunction(name: string, value: unknown): asserts value is Function {
  if (typeof value !== 'function') {
    throw new TypeError(`Expected \`${name}\` to be a function, got ${describe(value)}`)
  }
}

/** Validates a count: an integer from `min` up, or undefined/null for "no count". */
export function checkCount(name: string, value: unknown, min = 0): number | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    const err = typeof value === 'number' ? RangeError : TypeError
    throw new err(
      `Expected \`${name}\` to be an integer from ${min} and up, got ${describe(value)}`,
    )
  }
  return value
}

/** Validates an options argument: undefined, or a plain object. */
export function checkOptions(name: string, value: unknown): void {
  if (value !== undefined && (typeof value !== 'object' || value === null)) {
    throw new TypeError(`Expected \`${name}\` to be an options object, got ${describe(value)}`)
  }
}

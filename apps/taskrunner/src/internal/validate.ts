/** How a value looks in an error message: `-1` (number), `'x'` (string). */
export function describe(value: unknown): string {
  if (typeof value === 'string') return `\`'${value}'\` (string)`
  if (value === null) return '`null`'
  if (typeof value === 'function') return 'a function'
  if (typeof value === 'object') return `\`${JSON.stringify(value)}\` (object)`
  return `\`${String(value)}\` (${typeof value})`
}

/** An integer ≥ `min`, or `fallback` when undefined. @throws TypeError/RangeError */
export function checkInteger(name: string, value: unknown, min: number, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number') {
    throw new TypeError(`Expected \`${name}\` to be an integer ≥ ${min}, got ${describe(value)}`)
  }
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`Expected \`${name}\` to be an integer ≥ ${min}, got ${describe(value)}`)
  }
  return value
}

/**
 * Seconds ≥ 0, or null for "no limit" (undefined, null, Infinity); `fallback` when
 * undefined. @throws TypeError/RangeError
 */
export function checkSeconds<F = null>(
  name: string,
  value: unknown,
  fallback: F = null as F,
): number | null | F {
  if (value === undefined) return fallback
  if (value === null || value === Number.POSITIVE_INFINITY) return null
  if (typeof value !== 'number') {
    throw new TypeError(`Expected \`${name}\` to be seconds (a number ≥ 0), got ${describe(value)}`)
  }
  if (Number.isNaN(value) || value < 0) {
    throw new RangeError(
      `Expected \`${name}\` to be seconds (a number ≥ 0), got ${describe(value)}`,
    )
  }
  return value
}

/** A message for anything thrown. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message || err.name
  return String(err)
}

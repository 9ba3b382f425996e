import { checkOptions, checkSeconds } from './validate.js'

const OPTION_KEYS = new Set(['exception', 'timeout'])

/**
 * `g.kill({ timeout: 1 })` reads as options, not as a plain object to raise: a plain
 * object whose only keys are `exception`/`timeout` is the options form.
 */
function isKillOptions(value: unknown): value is { exception?: unknown; timeout?: unknown } {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return false
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every((k) => OPTION_KEYS.has(k))
}

/** Validates kill()'s arguments: `(exception?, opts?)` or `(opts)`. */
export function toKillArgs(
  exception: unknown,
  opts: unknown,
): { exception: unknown; seconds: number | null } {
  if (opts === undefined && isKillOptions(exception)) {
    return { exception: exception.exception, seconds: checkSeconds('timeout', exception.timeout) }
  }
  checkOptions('opts', opts)
  return {
    exception,
    seconds: checkSeconds('timeout', (opts as { timeout?: unknown } | undefined)?.timeout),
  }
}

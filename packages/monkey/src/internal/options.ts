/** A caller's options argument, understood: what to copy, and the caller's own signal. */
export interface ReadOptions {
  base: object | undefined
  caller: AbortSignal | undefined
}

/**
 * Reads the options argument of a Node call that takes `{ signal }`. Null when Node
 * would reject it (a number, a bad `signal`): the caller then calls the original
 * unchanged and gets Node's own error. `encoding`: a string means `{ encoding }`, as for
 * `readFile(path, 'utf8')`.
 */
export function readOptions(options: unknown, encoding = false): ReadOptions | null {
  if (options === undefined || options === null) return { base: undefined, caller: undefined }
  if (typeof options === 'string') {
    return encoding ? { base: { encoding: options }, caller: undefined } : null
  }
  if (typeof options !== 'object') return null
  const caller = (options as { signal?: unknown }).signal
  if (caller !== undefined && !(caller instanceof AbortSignal)) return null
  return { base: options, caller }
}

/** A copy of `base` (own enumerable properties, as Node itself copies options) with `signal`. */
export function withSignal(base: object | undefined, signal: AbortSignal): object {
  return { ...base, signal }
}

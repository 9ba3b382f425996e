import { checkFunction, describe } from './internal/validate.js'
import { spawn } from './spawn.js'

/**
 * Runs `handler` in a new greenlet each time the process receives `signal`. The
 * handler does not keep the process alive. Call `cancel()` to remove it.
 *
 * @throws TypeError for a non-string signal or a non-function handler.
 * @example
 * ```ts
 * import { shutdown, signalHandler } from '@strand/core'
 *
 * const h = signalHandler('SIGQUIT', () => shutdown())
 * // … later
 * h.cancel()
 * ```
 */
export function signalHandler(signal: NodeJS.Signals, handler: () => unknown): { cancel(): void } {
  if (typeof signal !== 'string') {
    throw new TypeError(
      `Expected \`signal\` to be a signal name such as 'SIGINT', got ${describe(signal)}`,
    )
  }
  checkFunction('handler', handler)
  const listener = (): void => {
    spawn(handler)
  }
  process.on(signal, listener)
  return { cancel: () => void process.off(signal, listener) }
}

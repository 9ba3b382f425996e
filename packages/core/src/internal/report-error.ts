import type { Greenlet } from '../greenlet.js'

/**
 * The default `hub.handleError`: a gevent-style report on stderr, the stack first,
 * then a line naming who failed and with what.
 */
export function defaultHandleError(error: unknown, context: Greenlet | null): void {
  const detail = error instanceof Error ? (error.stack ?? String(error)) : String(error)
  const name = error instanceof Error ? error.name : typeof error
  const who = context === null ? 'hub callback' : `<Greenlet "${context.name}">`
  process.stderr.write(`${detail}\n${new Date().toISOString()} ${who} failed with ${name}\n\n`)
}

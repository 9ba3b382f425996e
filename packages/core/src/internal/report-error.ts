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

/** A replaced `hub.handleError` threw: say so once on stderr, with what it was reporting. */
export function reportHandlerFailure(handlerError: unknown, reported: unknown): void {
  const show = (e: unknown): string => (e instanceof Error ? (e.stack ?? String(e)) : String(e))
  process.stderr.write(
    `hub.handleError threw while reporting an error; the hub goes on.\n` +
      `The handler's error: ${show(handlerError)}\nThe error it was reporting: ${show(reported)}\n\n`,
  )
}

/**
 * Node's own APIs reject an aborted call with an `AbortError` whose `cause` is the
 * signal's reason (`fetch` rejects with the reason itself). When that reason is a
 * greenlet's kill exception or a Timeout, the greenlet should see exactly that
 * exception, as at any Strand wait.
 */
export function isAbortError(err: unknown): err is Error & { cause?: unknown } {
  return err instanceof Error && err.name === 'AbortError'
}

/** True when `err` is `reason` itself or an AbortError caused by it. */
export function isAbortFor(err: unknown, reason: unknown): boolean {
  return err === reason || (isAbortError(err) && err.cause === reason && reason !== undefined)
}

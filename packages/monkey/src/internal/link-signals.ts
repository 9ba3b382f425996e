/**
 * A signal aborted when either of two signals aborts, with that signal's reason, that
 * lets go of both once the operation is over ({@link SignalLink.unlink}). Unlike
 * `AbortSignal.any`, nothing stays attached to a long-lived parent signal (a greenlet's
 * lives as long as the greenlet; nodejs/node#55351).
 */
export class SignalLink {
  private readonly controller = new AbortController()

  constructor(
    private readonly caller: AbortSignal,
    private readonly own: AbortSignal,
  ) {
    caller.addEventListener('abort', this)
    own.addEventListener('abort', this)
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  /** EventListener interface: one of the two aborted. */
  handleEvent(event: Event): void {
    this.unlink()
    this.controller.abort((event.target as AbortSignal).reason)
  }

  /** Detaches from both signals (idempotent); usable as a callback. */
  readonly unlink = (): void => {
    this.caller.removeEventListener('abort', this)
    this.own.removeEventListener('abort', this)
  }
}

/**
 * The signal to hand to Node for a call whose caller passed `caller` (or nothing), made
 * in a greenlet whose signal is `own`: `own` itself when the caller passed none (no new
 * signal per call), the caller's when it is aborted already (Node rejects as unpatched),
 * else a {@link SignalLink}.
 */
export function combine(
  caller: AbortSignal | undefined,
  own: AbortSignal,
): { signal: AbortSignal; link: SignalLink | null } {
  if (caller === undefined || caller === own) return { signal: own, link: null }
  if (caller.aborted) return { signal: caller, link: null }
  const link = new SignalLink(caller, own)
  return { signal: link.signal, link }
}

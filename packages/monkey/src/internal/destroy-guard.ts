import type { EventEmitter } from 'node:events'

interface Destroyable extends EventEmitter {
  destroy(error?: Error): unknown
}

const ignore = (): void => {}

/**
 * Destroys a socket or a request with a greenlet's interrupt: if `signal` aborts before
 * one of the `until` events (`connect`; `close`), the object is destroyed with the
 * signal's reason itself, so code awaiting its `error` sees the greenlet's exception —
 * GreenletExit or the Timeout, not an AbortError. Nobody listening for `error` is not a
 * crash either: the guard adds a listener for that one error.
 */
class DestroyGuard {
  constructor(
    private readonly target: Destroyable,
    private readonly signal: AbortSignal,
    private readonly until: string[],
  ) {
    signal.addEventListener('abort', this)
    for (const e of until) target.once(e, this.off)
  }

  /** EventListener interface: the greenlet was interrupted. */
  handleEvent(): void {
    this.off()
    destroyWith(this.target, this.signal.reason)
  }

  private readonly off = (): void => {
    this.signal.removeEventListener('abort', this)
    for (const e of this.until) this.target.removeListener(e, this.off)
  }
}

function destroyWith(target: Destroyable, reason: unknown): void {
  target.once('error', ignore)
  target.destroy(reason as Error)
}

/**
 * Guards `target` until one of `until` fires. With `connecting`, only while the socket
 * is still connecting (one from a pool may be connected already).
 */
export function guardDestroy(
  target: unknown,
  signal: AbortSignal,
  until: string[],
  connecting = false,
): void {
  const t = target as Destroyable & { connecting?: boolean }
  if (t === null || typeof t !== 'object' || typeof t.destroy !== 'function') return
  if (connecting && t.connecting !== true) return
  if (signal.aborted) destroyWith(t, signal.reason)
  else new DestroyGuard(t, signal, until)
}

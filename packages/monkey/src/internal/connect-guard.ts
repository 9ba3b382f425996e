import type { EventEmitter } from 'node:events'

interface Connecting extends EventEmitter {
  connecting: boolean
  destroy(error?: Error): unknown
}

const ignore = (): void => {}

/**
 * Interrupts one socket's connect: if `signal` aborts before `done` (`connect`, or
 * `secureConnect` for TLS), the socket is destroyed with the signal's reason, so code
 * awaiting its `error` sees the greenlet's exception. Once connected, the signal no
 * longer concerns it (a later Timeout of the greenlet does not cut a live connection).
 */
export class ConnectGuard {
  constructor(
    private readonly socket: Connecting,
    private readonly signal: AbortSignal,
    private readonly done: string,
  ) {
    signal.addEventListener('abort', this)
    socket.once(done, this.off)
    socket.once('close', this.off)
  }

  /** EventListener interface: the greenlet was interrupted while connecting. */
  handleEvent(): void {
    this.off()
    // the reason reaches whoever listens for `error`; nobody listening is not a crash
    this.socket.once('error', ignore)
    this.socket.destroy(this.signal.reason as Error)
  }

  private readonly off = (): void => {
    this.signal.removeEventListener('abort', this)
    this.socket.removeListener(this.done, this.off)
    this.socket.removeListener('close', this.off)
  }
}

/** Guards `socket`'s connect if it is still connecting (a socket from a pool may not be). */
export function guardConnect(socket: unknown, signal: AbortSignal, done: string): void {
  const s = socket as Connecting
  if (s === null || typeof s !== 'object' || s.connecting !== true) return
  if (signal.aborted) {
    s.once('error', ignore)
    s.destroy(signal.reason as Error)
    return
  }
  new ConnectGuard(s, signal, done)
}

import type { ChildProcess } from 'node:child_process'
import { descendantsOf } from './descendants.js'

const POSIX = process.platform !== 'win32'

/**
 * Stops one child process when the greenlet that started it is interrupted: the child
 * gets its `killSignal`, and so does everything below it — its process group if it was
 * spawned `detached`, else its descendants as Linux lists them (a shell's `sleep` is not
 * orphaned). The descendants are read and killed before the child; afterwards they
 * could not be found. The guard kills the child itself rather than through Node's `signal`
 * option, so no AbortError `error` event appears that nobody asked for; a caller's own
 * signal is left to Node, untouched.
 */
export class ChildGuard {
  private child: ChildProcess | null = null
  /** The interrupt that stopped the child, once it did. */
  stoppedBy: unknown = undefined
  stopped = false

  constructor(
    private readonly signal: AbortSignal,
    private readonly killSignal: NodeJS.Signals | number,
    private readonly detached: boolean,
  ) {
    signal.addEventListener('abort', this)
  }

  /** Watches `child` until it exits; stops it at once if a signal aborted meanwhile. */
  attach(child: ChildProcess): void {
    this.child = child
    child.once('exit', this.off)
    child.once('close', this.off)
    if (this.signal.aborted) this.stop(this.signal.reason)
  }

  /** EventListener interface. */
  handleEvent(event: Event): void {
    this.stop((event.target as AbortSignal).reason)
  }

  private stop(reason: unknown): void {
    this.off()
    const child = this.child
    if (child === null || child.exitCode !== null || child.signalCode !== null) return
    this.stopped = true
    this.stoppedBy = reason
    const pid = child.pid
    const below = pid === undefined || !POSIX ? [] : this.detached ? [-pid] : descendantsOf(pid)
    // deepest first, the child last: each dies while its parent still lives to reap it
    // (an orphan waits for the system's init to reap it, which may take a while)
    for (let i = below.length - 1; i >= 0; i--) {
      try {
        process.kill(below[i] as number, this.killSignal)
      } catch {
        // already gone
      }
    }
    child.kill(this.killSignal)
  }

  private readonly off = (): void => {
    this.signal.removeEventListener('abort', this)
    if (this.child !== null) {
      this.child.removeListener('exit', this.off)
      this.child.removeListener('close', this.off)
    }
  }
}

/** `killSignal` and `detached` from spawn-style options (Node's defaults otherwise). */
export function killOptions(options: unknown): {
  killSignal: NodeJS.Signals | number
  detached: boolean
} {
  const o = (options ?? {}) as { killSignal?: unknown; detached?: unknown }
  const killSignal =
    typeof o.killSignal === 'string' || typeof o.killSignal === 'number'
      ? (o.killSignal as NodeJS.Signals | number)
      : 'SIGTERM'
  return { killSignal, detached: o.detached === true }
}

import type { ChildProcess } from 'node:child_process'
import { descendantsOf } from './descendants.js'

const POSIX = process.platform !== 'win32'

/**
 * Stops one child process when the greenlet that started it is interrupted (or, for
 * exec/execFile, when the caller's own signal aborts): the child gets its `killSignal`,
 * and so does everything below it — its process group if it was spawned `detached`,
 * else its descendants as Linux lists them (a shell's `sleep` is not orphaned). The
 * descendants are read before the child is killed; afterwards they could not be found.
 *
 * With a `controller`, aborting it is how the child is killed (Node's own abort path:
 * exec's callback gets an AbortError whose cause is the reason). Without one the guard
 * kills the child itself, so a `spawn()`ed child never emits an `error` you did not ask for.
 */
export class ChildGuard {
  private child: ChildProcess | null = null

  constructor(
    private readonly signals: AbortSignal[],
    private readonly killSignal: NodeJS.Signals | number,
    private readonly detached: boolean,
    private readonly controller: AbortController | null,
  ) {
    for (const s of signals) s.addEventListener('abort', this)
  }

  /** Watches `child` until it exits; stops it at once if a signal aborted meanwhile. */
  attach(child: ChildProcess): void {
    this.child = child
    child.once('exit', this.off)
    child.once('close', this.off)
    const aborted = this.signals.find((s) => s.aborted)
    if (aborted !== undefined) this.stop(aborted.reason)
  }

  /** EventListener interface. */
  handleEvent(event: Event): void {
    this.stop((event.target as AbortSignal).reason)
  }

  private stop(reason: unknown): void {
    this.off()
    const child = this.child
    const pid = child?.pid
    const below = pid === undefined || !POSIX ? [] : this.detached ? [-pid] : descendantsOf(pid)
    if (this.controller !== null) this.controller.abort(reason)
    else if (child !== null && child.exitCode === null && child.signalCode === null) {
      child.kill(this.killSignal)
    }
    for (const target of below) {
      try {
        process.kill(target, this.killSignal)
      } catch {
        // already gone
      }
    }
  }

  private readonly off = (): void => {
    for (const s of this.signals) s.removeEventListener('abort', this)
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

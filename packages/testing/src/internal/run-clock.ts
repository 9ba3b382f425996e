import { VirtualClock } from '@strand/core'

/**
 * The virtual clock of one run: a {@link VirtualClock} that asks `guard` before each
 * jump (a jump over pending real I/O is refused, and the run fails), knows whether an
 * `advance()` is under way, and stops for good when the run is over.
 */
export class RunClock extends VirtualClock {
  /** Returns an error to refuse the jump (the run then fails with it). */
  guard: () => unknown = () => null
  /** The refused jump's error, for the run to fail with. */
  refused: unknown = null
  private advances = 0
  private closed = false

  override setTimer(delay: number, callback: () => void): unknown {
    return super.setTimer(delay, () => {
      if (this.closed || this.refused !== null) return
      const error = this.guard()
      if (error !== null) {
        this.refused = error
        return
      }
      callback()
    })
  }

  override advance(seconds: number): Promise<void> {
    this.advances++
    return super.advance(seconds).finally(() => {
      this.advances--
    })
  }

  /** True while time can still move by itself (autojump) or by an advance() under way. */
  get moving(): boolean {
    return this.autojump || this.advances > 0
  }

  /** The run is over: nothing fires any more. */
  close(): void {
    this.closed = true
  }
}

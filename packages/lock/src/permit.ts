const RESOLVED = Promise.resolve()

/**
 * One acquisition of a {@link Semaphore}, {@link Lock} or {@link RLock}, returned by
 * `hold()`: disposing it (or calling `release()`) releases exactly once, so
 * `await using _ = await sem.hold()` scopes a permit to a block.
 *
 * @example
 * ```ts
 * import { Semaphore } from '@strand/lock'
 *
 * const sem = new Semaphore(1)
 * {
 *   await using _ = await sem.hold()
 *   sem.locked() // => true
 * }
 * sem.locked() // => false
 * ```
 */
export class Permit implements Disposable, AsyncDisposable {
  private held = true

  constructor(private readonly owner: { release(): void }) {}

  /** True until released. */
  get active(): boolean {
    return this.held
  }

  /** Releases the permit; later calls do nothing. */
  release(): void {
    if (!this.held) return
    this.held = false
    this.owner.release()
  }

  [Symbol.dispose](): void {
    this.release()
  }

  [Symbol.asyncDispose](): Promise<void> {
    this.release()
    return RESOLVED
  }
}

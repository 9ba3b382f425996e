import { checkFunction } from './internal/validate.js'

type Run<T> = (self: RawGreenlet<T>, ...args: unknown[]) => Promise<T> | T

/**
 * Explicit, symmetric switching, as in Python's `greenlet` module: `a.switch(v)` hands
 * control to `a` (starting it with `v`, or resuming it where it last switched away) and
 * resolves when some greenlet switches back to the caller. When a raw greenlet's
 * function returns, control goes to its parent with the result. No hub, no scheduler:
 * you decide every switch. For everyday concurrency use {@link spawn}.
 *
 * @example
 * ```ts
 * import { RawGreenlet } from '@strand/core'
 *
 * const gr1 = new RawGreenlet(async () => { console.log('foo1.1'); await gr2.switch(); console.log('foo1.2') })
 * const gr2 = new RawGreenlet(async () => { console.log('foo2.1'); await gr1.switch(); console.log('foo2.2') })
 * await gr1.switch()
 * // => foo1.1, foo2.1, foo1.2   (foo2.2 never prints: nobody switches back to gr2)
 * ```
 */
export class RawGreenlet<T = unknown> {
  /** Where control goes when this one's function ends. */
  parent: RawGreenlet | null
  // stored without T so a RawGreenlet<X> is usable where a RawGreenlet is expected
  private readonly run: (self: never, ...args: unknown[]) => unknown
  private started: boolean
  private finished = false
  private resume: ((value: unknown) => void) | null = null
  private fail: ((error: unknown) => void) | null = null

  /** @throws TypeError if `run` is not a function. */
  constructor(run: Run<T>, parent?: RawGreenlet | null) {
    checkFunction('run', run)
    this.run = run as (self: never, ...args: unknown[]) => unknown
    this.started = false
    this.parent = parent === undefined ? RawGreenlet.getCurrent() : parent
  }

  /** The raw greenlet that has control now (the implicit main one at first). */
  static getCurrent(): RawGreenlet {
    return (current ??= mainRaw())
  }

  /** True once its function has returned or thrown. */
  get dead(): boolean {
    return this.finished
  }

  /**
   * Transfers control to this greenlet. Resolves with the value passed to the
   * `switch()` that next switches back to the caller, or with the result of a
   * greenlet that ended and had the caller as its parent.
   * @throws Error when switching to a dead greenlet.
   */
  switch(...args: unknown[]): Promise<unknown> {
    if (this.finished) return Promise.reject(new Error('Cannot switch to a dead RawGreenlet'))
    const from = RawGreenlet.getCurrent()
    const back = new Promise<unknown>((resolve, reject) => {
      from.resume = resolve
      from.fail = reject
    })
    current = this as RawGreenlet
    if (!this.started) {
      this.started = true
      void this.begin(args)
    } else {
      this.transfer(args[0])
    }
    return back
  }

  private async begin(args: unknown[]): Promise<void> {
    let result: unknown
    try {
      result = await this.run(this as never, ...args)
    } catch (err) {
      this.finished = true
      this.ancestor()?.throwIn(err)
      return
    }
    this.finished = true
    this.ancestor()?.switchIn(result)
  }

  private ancestor(): RawGreenlet | null {
    let p = this.parent
    while (p?.finished) p = p.parent
    return p
  }

  private transfer(value: unknown): void {
    const resume = this.resume
    this.resume = this.fail = null
    resume?.(value)
  }

  private switchIn(value: unknown): void {
    current = this as RawGreenlet
    this.transfer(value)
  }

  private throwIn(error: unknown): void {
    current = this as RawGreenlet
    const fail = this.fail
    this.resume = this.fail = null
    fail?.(error)
  }
}

let current: RawGreenlet | undefined

function mainRaw(): RawGreenlet {
  const main: RawGreenlet = new RawGreenlet<unknown>(() => undefined, null)
  ;(main as unknown as { started: boolean }).started = true
  current = main
  return main
}

import { getHub } from '@strand/core'
import { Waiter, type WaitOwner } from '@strand/core/internal'

const ignore = (): void => {}
const RESOLVED = Promise.resolve()

/** What happens around one foreign wait; all optional. */
export interface ForeignHooks<T> {
  /** An interrupt rejected the wait: stop the operation too (Resolver.cancel, …). */
  interrupted?: () => void
  /** The value reached the greenlet (called before the greenlet sees it). */
  taken?: (value: T) => void
  /** The value came after the wait was interrupted: nobody will use it (close it). */
  late?: (value: T) => void
}

/**
 * Marks an interrupted wait's promise as handled: an interrupted call you did not await
 * (`void writeFile(…)` in a greenlet that is then killed) must not become an unhandled
 * rejection. Whoever awaits it still gets the exception. Shared by every patch's owner.
 */
export function markHandled(w: Waiter): void {
  w.promise.catch(ignore)
}

const FOREIGN: WaitOwner = {
  onTimeout: ignore, // no own timeout
  onInterrupt(w) {
    markHandled(w)
    ;(w.data as ForeignHooks<unknown> | undefined)?.interrupted?.()
  },
}

/**
 * Awaits a promise from Node as a cooperative wait of the current greenlet: kill and
 * Timeout reject the wait at once with exactly their exception (the greenlet sees what
 * it sees at any Strand wait, never an AbortError), and consume the interrupt, so it is
 * not raised a second time at the next wait. A value arriving after the interrupt goes
 * to `late`; a late rejection is dropped. This is core's `waitPromise` plus the hooks.
 */
export function awaitForeign<T>(
  promise: PromiseLike<T>,
  label: string,
  hooks?: ForeignHooks<T>,
): Promise<T> {
  const hub = getHub()
  const w = hub.park<T>(FOREIGN, null, null, label, hooks)
  if (!(w instanceof Waiter)) {
    w.catch(ignore) // an interrupt was pending: same as above
    promise.then(hooks?.late ?? ignore, ignore)
    return w
  }
  if (hooks === undefined) {
    promise.then(
      (value) => void hub.wake(w, value),
      (err) => void hub.fail(w, err),
    )
  } else {
    promise.then(
      (value) => {
        if (hub.wake(w, value)) hooks.taken?.(value)
        else hooks.late?.(value)
      },
      (err) => void hub.fail(w, err),
    )
  }
  return w.promise
}

/**
 * The greenlet has an interrupt pending (its signal is aborted): raise it now, as any
 * Strand wait would, without starting the operation.
 */
export function raisePending<T>(label: string): Promise<T> {
  return awaitForeign(RESOLVED as Promise<T>, label)
}

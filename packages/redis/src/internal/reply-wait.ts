import { getHub } from '@strand/core'
import { Waiter, type WaitOwner } from '@strand/core/internal'

/** What a {@link waitReply} does besides waiting; every member is optional. */
export interface ReplyHooks<T> {
  /** The error the wait's own timeout (`seconds`) fails it with. */
  timeoutError?: () => unknown
  /** Called once when the wait ends early (its timeout, a kill, a Timeout): stop the work. */
  cancel?: () => void
  /** Gets the reply that arrived after the wait had already ended, so nothing is lost. */
  late?: (value: T) => void
}

const EMPTY_HOOKS: ReplyHooks<unknown> = {}

// One static owner: the hooks travel in `w.data`.
const OWNER: WaitOwner = {
  onTimeout(w) {
    const hooks = w.data as ReplyHooks<unknown>
    getHub().fail(w, hooks.timeoutError?.() ?? new Error(`${w.label} timed out`))
    hooks.cancel?.()
  },
  onInterrupt(w) {
    ;(w.data as ReplyHooks<unknown>).cancel?.()
  },
}

const ignore = (): void => {}

/**
 * A cooperative wait on a Redis reply: like `waitPromise` from `@strand/core/internal`
 * (kill and Timeout reject the wait at once with exactly their exception), plus what a
 * broker needs: `cancel` runs when the wait ends early (to unblock a blocking command for
 * real), and a reply that arrives after that goes to `late` instead of being dropped, so
 * an entry Redis already handed over is given back, never lost. `seconds` is the wait's
 * own timeout (null: none), failing it with `timeoutError()`.
 */
export function waitReply<T>(
  promise: Promise<T>,
  label: string,
  seconds: number | null = null,
  hooks: ReplyHooks<T> = EMPTY_HOOKS as ReplyHooks<T>,
): Promise<T> {
  const hub = getHub()
  const w = hub.park<T>(OWNER, null, seconds, label, hooks)
  if (!(w instanceof Waiter)) {
    // Interrupted before it could wait: the command was sent anyway.
    hooks.cancel?.()
    promise.then(hooks.late ?? ignore, ignore)
    return w
  }
  promise.then(
    (value) => {
      if (!hub.wake(w, value)) hooks.late?.(value)
    },
    (err) => void hub.fail(w, err),
  )
  return w.promise
}

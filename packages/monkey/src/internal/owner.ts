import { setMaxListeners } from 'node:events'
import { type Greenlet, getHub } from '@strand/core'
import { currentGreenlet, mainInterruptArmed } from '@strand/core/internal'

/**
 * The greenlet a Node call made now answers to, or null when the call must behave
 * exactly as unpatched.
 *
 * - Inside a live spawned greenlet: that greenlet (it can be killed at any time).
 * - Outside spawned greenlets, code runs as the hub's root greenlet "main" — the main
 *   script, but also every timer and emitter callback. Main is treated like any
 *   greenlet (a Timeout in the main script stops a patched fetch, as in gevent), but
 *   only while something can interrupt it: a Timeout armed against main, or an
 *   interrupt pending. Otherwise null, at the cost of two reads; no hub is created.
 * - Code that still runs for a greenlet that is dead (a late `.then` callback): null.
 * - Inside a hub callback (which must not wait): null.
 */
export function callOwner(): Greenlet | null {
  const g = currentGreenlet()
  if (g !== null) return g.dead ? null : g
  if (!mainInterruptArmed()) return null
  const hub = getHub()
  return hub.inCallback ? null : hub.root
}

/**
 * The spawned greenlet that owns what is created now (timers, sockets, file handles,
 * streams), or null: main is never killed, so it owns nothing.
 */
export function trackOwner(): Greenlet | null {
  const g = currentGreenlet()
  return g === null || g.dead ? null : g
}

const UNLIMITED = Symbol('strand.monkey.unlimitedListeners')

/**
 * `g`'s interrupt signal (aborted on kill or on a Timeout firing against it, renewed
 * after `g` caught the interrupt). Many patched calls of one greenlet may listen to it
 * at once, so it gets no listener limit (Node warns at 11 otherwise).
 */
export function signalOf(g: Greenlet): AbortSignal {
  const signal = g.interruptSignal
  const marked = signal as unknown as Record<symbol, boolean | undefined>
  if (marked[UNLIMITED] === undefined) {
    setMaxListeners(0, signal)
    marked[UNLIMITED] = true
  }
  return signal
}

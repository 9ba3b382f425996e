/**
 * Node's timer functions as they were when Strand's core loaded. The hub arms its own
 * timers (sleeps, timeouts, ready-queue passes) through these, so they never go through
 * a monkey patch: @strand/monkey clears the timers a greenlet created when it is killed,
 * and a timer armed by the hub while that greenlet ran is nobody's.
 */
export const nodeSetTimeout = globalThis.setTimeout
export const nodeClearTimeout = globalThis.clearTimeout
export const nodeSetImmediate = globalThis.setImmediate

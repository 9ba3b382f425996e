import timers from 'node:timers'
import { getHub, realClock } from '@strand/core'
import { Waiter, type WaitOwner } from '@strand/core/internal'
import { markHandled } from './internal/foreign.js'
import { combine } from './internal/link-signals.js'
import { readOptions, withSignal } from './internal/options.js'
import { callOwner, signalOf, trackOwner } from './internal/owner.js'
import { emptyReport, patchItem, syncESM } from './internal/registry.js'
import { CLEAR_TIMER, track, untrack } from './internal/tracker.js'
import { cooperativeIterator, withGreenletSignal } from './internal/wrap.js'
import type { PatchReport } from './patch-report.js'

type AnyFn = (this: unknown, ...args: unknown[]) => unknown
type PromiseFn = (this: unknown, ...args: unknown[]) => Promise<unknown>

// Node's own, as at load: the fast paths below arm plain callback timers
const nodeSetTimeout = timers.setTimeout
const nodeClearTimeout = timers.clearTimeout
const nodeSetImmediate = timers.setImmediate
const nodeClearImmediate = timers.clearImmediate

// In a greenlet, a timers/promises sleep without options is a hub wait: on the hub's
// timer heap (one Node timer for all of them) when the hub runs on the real clock, else
// on a callback timer of its own (a VirtualClock must not make Node's timers virtual).
// An interrupt removes the timer and rejects the wait with the greenlet's exception: no
// AbortSignal listener, no AbortError.
const HUB_DELAY: WaitOwner = {
  onTimeout: (w) => void getHub().wake(w, w.data),
  onInterrupt: markHandled,
}
const DELAY: WaitOwner = {
  onTimeout: () => {},
  onInterrupt(w) {
    markHandled(w)
    nodeClearTimeout(w.data as NodeJS.Timeout)
  },
}
const IMMEDIATE: WaitOwner = {
  onTimeout: () => {},
  onInterrupt(w) {
    markHandled(w)
    nodeClearImmediate(w.data as NodeJS.Immediate)
  },
}
const TIMEOUT_MAX = 2 ** 31 - 1

function wake(w: Waiter, value: unknown): void {
  getHub().wake(w, value)
}

// an interrupt was pending: the wait is rejected already (and handled, as in markHandled)
function pending(p: Promise<unknown>): Promise<unknown> {
  p.catch(() => {})
  return p
}

function sleepFor(delay: unknown, value: unknown): Promise<unknown> {
  const hub = getHub()
  // Node's rule: anything but a number from 1 to TIMEOUT_MAX means 1 ms (beyond it, with
  // a warning: the callback timer below gives that warning itself)
  const exact = typeof delay === 'number' && delay >= 0 && delay <= TIMEOUT_MAX
  if (hub.clock === realClock && (exact || delay === undefined)) {
    const ms = exact && (delay as number) >= 1 ? (delay as number) : 1
    const w = hub.park(HUB_DELAY, null, ms / 1000, 'timers/promises.setTimeout', value)
    return w instanceof Waiter ? w.promise : pending(w)
  }
  const w = hub.park(DELAY, null, null, 'timers/promises.setTimeout')
  if (!(w instanceof Waiter)) return pending(w)
  w.data = nodeSetTimeout(wake, delay as number, w, value)
  return w.promise
}

function patchedDelay(original: PromiseFn): PromiseFn {
  const withSignal_ = withGreenletSignal(original, 2, 'timers/promises.setTimeout')
  // fixed arity: the pass-through outside greenlets is the hot path, and Node's setTimeout
  // treats a missing argument and `undefined` alike
  return function setTimeout(this: unknown, delay?: unknown, value?: unknown, options?: unknown) {
    if (callOwner() === null) return original.call(this, delay, value, options)
    if (options === undefined) return sleepFor(delay, value)
    return withSignal_.call(this, delay, value, options)
  }
}

function patchedImmediate(original: PromiseFn): PromiseFn {
  const withSignal_ = withGreenletSignal(original, 1, 'timers/promises.setImmediate')
  return function setImmediate(this: unknown, value?: unknown, options?: unknown) {
    if (callOwner() === null) return original.call(this, value, options)
    if (options !== undefined) return withSignal_.call(this, value, options)
    const w = getHub().park(IMMEDIATE, null, null, 'timers/promises.setImmediate')
    if (!(w instanceof Waiter)) return pending(w)
    w.data = nodeSetImmediate(wake, w, value)
    return w.promise
  }
}

function patchedInterval(original: AnyFn): AnyFn {
  return function setInterval(this: unknown, ...args: unknown[]) {
    const g = callOwner()
    const read = g === null ? null : readOptions(args[2])
    if (g === null || read === null) return Reflect.apply(original, this, args)
    const { signal, link } = combine(read.caller, signalOf(g))
    const it = original.call(this, args[0], args[1], withSignal(read.base, signal))
    return cooperativeIterator(it as AsyncIterator<unknown>, 'timers/promises.setInterval', link)
  }
}

function patchedWait(original: AnyFn, delay_: PromiseFn): AnyFn {
  return function wait(this: unknown, ...args: unknown[]) {
    if (callOwner() === null) return Reflect.apply(original, this, args)
    return delay_.call(undefined, args[0], undefined, args[1])
  }
}

// Callback timers: tracked while a greenlet owns them, cleared if it is killed.
function trackedTimeout(original: AnyFn): AnyFn {
  return function setTimeout(this: unknown, ...args: unknown[]) {
    const g = trackOwner()
    const callback = args[0]
    if (g === null || typeof callback !== 'function') return Reflect.apply(original, this, args)
    args[0] = function (this: object, ...passed: unknown[]) {
      untrack(this) // fired: nothing to clear any more
      return Reflect.apply(callback, this, passed)
    }
    const t = Reflect.apply(original, this, args) as NodeJS.Timeout
    track(g, t, CLEAR_TIMER)
    return t
  }
}

function trackedInterval(original: AnyFn): AnyFn {
  return function setInterval(this: unknown, ...args: unknown[]) {
    const t = Reflect.apply(original, this, args)
    const g = trackOwner()
    if (g !== null && typeof args[0] === 'function') track(g, t as object, CLEAR_TIMER)
    return t
  }
}

function untrackedClear(original: AnyFn): AnyFn {
  return function clearTimeout(this: unknown, ...args: unknown[]) {
    const timer = args[0]
    if (timer !== null && typeof timer === 'object') untrack(timer)
    return Reflect.apply(original, this, args)
  }
}

/**
 * Patches Node's timers. Inside a greenlet, `node:timers/promises` `setTimeout`,
 * `setImmediate`, `setInterval` (each step of the iterator) and `scheduler.wait` stop
 * at a kill or a Timeout, clear their timer and reject with the greenlet's exception;
 * a caller's own `signal` still works. Callback timers (`setTimeout`, `setInterval`,
 * global and from `node:timers`) that a greenlet set are cleared if it is killed (not
 * when it merely ends); unref'd ones are left alone. Outside greenlets nothing changes.
 *
 * @example
 * ```ts
 * import { spawn, sleep } from '@strand/core'
 * import { patchTimers, unpatchAll } from '@strand/monkey'
 * import { setTimeout as delay } from 'node:timers/promises'
 *
 * patchTimers()
 * const g = spawn(() => delay(5000))
 * await sleep(0.01)
 * await g.kill() // the 5 s timer is gone at once
 * unpatchAll()
 * ```
 */
export function patchTimers(): PatchReport {
  const report = emptyReport()
  let delay_: PromiseFn | undefined
  patchItem(
    'timers',
    'timers/promises',
    'setTimeout',
    (o: PromiseFn) => (delay_ = patchedDelay(o)),
    report,
  )
  patchItem('timers', 'timers/promises', 'setImmediate', patchedImmediate, report)
  patchItem('timers', 'timers/promises', 'setInterval', patchedInterval, report)
  const delayFn = delay_ ?? (timers.promises.setTimeout as PromiseFn)
  patchItem(
    'timers',
    'timers/promises',
    'scheduler.wait',
    (o: AnyFn) => patchedWait(o, delayFn),
    report,
  )
  for (const module of ['globalThis', 'timers']) {
    patchItem('timers', module, 'setTimeout', trackedTimeout, report)
    patchItem('timers', module, 'setInterval', trackedInterval, report)
    patchItem('timers', module, 'clearTimeout', untrackedClear, report)
    patchItem('timers', module, 'clearInterval', untrackedClear, report)
  }
  syncESM()
  return report
}

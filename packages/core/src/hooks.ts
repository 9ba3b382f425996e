import { getHub } from './get-hub.js'
import { type Greenlet, observeGreenletDeath } from './greenlet.js'
import type { Hub } from './hub.js'
import { currentTask } from './internal/context.js'
import type { DeathObserver } from './internal/greenlet-links.js'
import { handleType } from './internal/handles.js'
import {
  dropPending,
  type InterruptWatcher,
  unwatchInterrupt,
  watchInterrupt,
} from './internal/interrupts.js'
import { checkSeconds } from './internal/validate.js'
import { Waiter, type WaitOwner } from './internal/waiter.js'
import { Timeout } from './timeout.js'

/**
 * The running spawned greenlet, or `null` outside any (in code that runs as the hub's
 * root greenlet: the main script, a timer or event callback). The monkey-patch
 * adapters use it to leave code outside greenlets exactly as it was.
 *
 * @example
 * ```ts
 * import { spawn } from '@strand/core'
 * import { currentGreenlet } from '@strand/core/internal'
 *
 * currentGreenlet() // => null
 * await spawn(() => currentGreenlet() !== null).get() // => true
 * ```
 */
export function currentGreenlet(): Greenlet | null {
  const task = currentTask()
  return task === null ? null : (task.handle as Greenlet)
}

const HUB_KEY = Symbol.for('strand.hub')

/**
 * True while code that runs as the hub's root greenlet "main" (the main script, and
 * timer and emitter callbacks, which also run as main) can be interrupted at its next
 * wait: a {@link Timeout} started there is armed, or an interrupt is waiting to be
 * raised. False when there is no hub yet: it never creates one. @strand/monkey uses it
 * to leave main's Node calls exactly as they are unless a Timeout could stop them.
 *
 * @example
 * ```ts
 * import { Timeout } from '@strand/core'
 * import { mainInterruptArmed } from '@strand/core/internal'
 *
 * mainInterruptArmed() // => false
 * const t = Timeout.startNew(5)
 * mainInterruptArmed() // => true
 * t.cancel()
 * mainInterruptArmed() // => false
 * ```
 */
export function mainInterruptArmed(): boolean {
  const hub = (globalThis as Record<symbol, Hub | undefined>)[HUB_KEY]
  if (hub === undefined) return false
  const root = hub.rootTask
  if (root.pending !== null) return true
  const scopes = root.x?.scopes
  return scopes != null && scopes.length > 0
}

/**
 * Where `g` was spawned (a stack, without the spawn call itself), when the hub tracked
 * spawn sites at the time (`hub.trackSpawnSites`, or `STRAND_TRACK_SPAWN=1`); otherwise
 * undefined. Also for a greenlet that is dead already (`hub.runInfo()` lists live ones).
 *
 * @example
 * ```ts
 * import { getHub, spawn } from '@strand/core'
 * import { spawnSite } from '@strand/core/internal'
 *
 * getHub().trackSpawnSites = true
 * const g = spawn(() => 1)
 * spawnSite(g) // => '    at file:///app/main.js:5:11\n    …'
 * ```
 */
export function spawnSite(g: Greenlet): string | undefined {
  return handleType<Greenlet>().taskOf(g).x?.spawnSite
}

/**
 * Marks `g`'s end as heard by someone: a failure of `g` is then not reported by the
 * hub (the caller takes responsibility for surfacing it, as a Pool's map does).
 *
 * @example
 * ```ts
 * import { spawn } from '@strand/core'
 * import { markObserved } from '@strand/core/internal'
 *
 * const g = spawn(() => { throw new Error('handled elsewhere') })
 * markObserved(g) // the hub will not print it
 * ```
 */
export function markObserved(g: Greenlet): void {
  handleType<Greenlet>().taskOf(g).observed = true
}

/**
 * Tells `observer.notify(g)` synchronously, from inside the death of `g`, once `g` is
 * dead (one observer per call; no greenlet, no promise). It does not mark `g` observed.
 * Undo with {@link unobserveDeath}, or, when many observers may give up on one
 * greenlet, set `observer.done = true` (dropped lazily, O(1)). Call it only on a
 * greenlet that is not dead yet.
 *
 * @example
 * ```ts
 * import { spawn } from '@strand/core'
 * import { observeDeath } from '@strand/core/internal'
 *
 * const g = spawn(() => 42)
 * observeDeath(g, { notify: (dead) => console.log('gone', dead.value) })
 * // => gone 42
 * ```
 */
export function observeDeath(g: Greenlet, observer: DeathObserver): void {
  observeGreenletDeath(g, observer)
}

/** Takes back an {@link observeDeath}; unknown observers are ignored. */
export function unobserveDeath(g: Greenlet, observer: DeathObserver): void {
  g.unlink(observer as unknown as Function)
}

/**
 * Drops an interrupt raised into `g` by `source` (see `hub.interrupt`) that `g` has not
 * received yet: a cancelled scope takes back what it raised.
 *
 * @example
 * ```ts
 * import { getCurrent, getHub } from '@strand/core'
 * import { dropPendingInterrupt } from '@strand/core/internal'
 *
 * const scope = {}
 * getHub().interrupt(getCurrent(), new Error('stop'), scope)
 * dropPendingInterrupt(getCurrent(), scope) // the next wait is not interrupted
 * ```
 */
export function dropPendingInterrupt(g: Greenlet, source: unknown): void {
  dropPending(handleType<Greenlet>().taskOf(g), source)
}

/**
 * Tells `watcher.interrupted(error)` of `g`'s next interrupt (a kill, or a Timeout that
 * targets it), when it is raised, then forgets it: what `g.interruptSignal` does, at a
 * fraction of the cost (no AbortController, no event listener), for a tool that links
 * many short operations to the greenlet that started them. Told at once when an
 * interrupt is pending, or `g` died killed. `getHub().current()` stands for the caller,
 * main included.
 *
 * @example
 * ```ts
 * import { getHub, sleep, spawn } from '@strand/core'
 * import { unwatchInterrupts, watchInterrupts } from '@strand/core/internal'
 *
 * const seen: unknown[] = []
 * const g = spawn(async () => {
 *   const watcher = { interrupted: (err: unknown) => seen.push(err) }
 *   watchInterrupts(getHub().current(), watcher)
 *   try {
 *     await sleep(60)
 *   } finally {
 *     unwatchInterrupts(getHub().current(), watcher)
 *   }
 * })
 * await sleep(0)
 * await g.kill()
 * seen.length // => 1
 * ```
 */
export function watchInterrupts(g: Greenlet, watcher: InterruptWatcher): void {
  watchInterrupt(handleType<Greenlet>().taskOf(g), watcher)
}

/** Stops telling `watcher` of `g`'s interrupts (see {@link watchInterrupts}). */
export function unwatchInterrupts(g: Greenlet, watcher: InterruptWatcher): void {
  unwatchInterrupt(handleType<Greenlet>().taskOf(g), watcher)
}

/**
 * The waits `g` is parked on now, most recent first (usually one; a timed wait in a
 * `wait()` over several objects makes more). Each {@link Waiter} tells its `label`, its own
 * timeout (`seconds`) and the {@link WaitList} it sits in, whose `resource` (when the
 * primitive gave one) names what it waits on and who holds that: what deadlock reports
 * and run-info trees are made of. Empty when `g` runs, awaits a promise Strand does not
 * control, or is dead. `getHub().root` stands for the main greenlet.
 *
 * @example
 * ```ts
 * import { getHub, sleep, spawn } from '@strand/core'
 * import { waitsOf } from '@strand/core/internal'
 *
 * const g = spawn(() => sleep(60))
 * await sleep(0)
 * waitsOf(g).map((w) => w.label) // => ['sleep']
 * waitsOf(getHub().root) // => []
 * ```
 */
export function waitsOf(g: Greenlet): Waiter[] {
  const waits: Waiter[] = []
  for (let w = handleType<Greenlet>().taskOf(g).waitHead; w !== null; w = w.tNext) waits.push(w)
  return waits
}

const FOREIGN_OWNER: WaitOwner = {
  onTimeout: (w) => getHub().fail(w, new Timeout(w.seconds)),
}
const ignore = (): void => {}

/**
 * Waits cooperatively for a promise Strand does not control (a piscina task, a Redis
 * reply, a Node API): kill and Timeout interrupt *the wait* at once, as at any Strand
 * wait, and the caller sees exactly that exception. The promise itself goes on unless
 * you also pass the greenlet's `interruptSignal` to whatever produced it; its late
 * result or rejection is dropped (never an unhandled rejection). `timeout` rejects with
 * a {@link Timeout} like `get({ timeout })`.
 *
 * @throws TypeError/RangeError synchronously for a bad `timeout`.
 * @example
 * ```ts
 * import { currentSignal } from '@strand/core'
 * import { waitPromise } from '@strand/core/internal'
 *
 * const signal = currentSignal()
 * const body = await waitPromise(fetch('http://127.0.0.1:8080/', { signal }), 'fetch')
 * ```
 */
export function waitPromise<T>(
  promise: PromiseLike<T>,
  label = 'promise',
  opts?: { timeout?: number | null },
): Promise<T> {
  const seconds = checkSeconds('timeout', opts?.timeout)
  const hub = getHub()
  const w = hub.park<T>(FOREIGN_OWNER, null, seconds, label)
  if (!(w instanceof Waiter)) {
    promise.then(ignore, ignore)
    return w
  }
  promise.then(
    (value) => void hub.wake(w, value),
    (err) => void hub.fail(w, err),
  )
  return w.promise
}

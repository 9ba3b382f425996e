import { getHub } from './get-hub.js'
import { Greenlet, observeGreenletDeath } from './greenlet.js'
import type { Hub } from './hub.js'
import type { DeathObserver } from './internal/greenlet-links.js'
import { checkCount, checkOptions, checkSeconds, describe } from './internal/validate.js'
import { WaitList, type WaitResource } from './internal/wait-list.js'
import { Waiter, type WaitOwner } from './internal/waiter.js'
import { Timeout } from './timeout.js'

function toGreenlets(name: string, greenlets: Iterable<Greenlet>): Greenlet[] {
  if (
    greenlets === null ||
    typeof (greenlets as Iterable<Greenlet>)?.[Symbol.iterator] !== 'function'
  ) {
    throw new TypeError(
      `Expected \`${name}\` to be an iterable of greenlets, got ${describe(greenlets)}`,
    )
  }
  // No dedupe (a Set of 100k costs more than the join): a duplicate is simply observed
  // twice and counted twice, so waiting for "all" still works.
  const list = Array.isArray(greenlets) ? greenlets.slice() : [...greenlets]
  for (const g of list) {
    if (!(g instanceof Greenlet)) {
      throw new TypeError(`Expected \`${name}\` to hold only greenlets, got ${describe(g)}`)
    }
  }
  return list
}

/**
 * One wait for many greenlets: a single waiter and a death observer on each, so joining
 * 100k greenlets costs one link each and no promise each. Giving up (timeout, interrupt,
 * first failure) just sets `done`: each member drops the observer lazily, in O(1).
 */
class Gather implements DeathObserver, WaitOwner, WaitResource {
  readonly finished: Greenlet[] = []
  done = false
  waiter!: Waiter<Greenlet[]>
  readonly waitsForEnd = true

  constructor(
    private readonly hub: Hub,
    private readonly members: Greenlet[],
    private readonly target: number,
    private readonly raiseError: boolean,
    private readonly timeoutError: boolean,
  ) {}

  // deadlock reports: the wait is for the members still alive
  resourceName(): string {
    return 'greenlets'
  }

  resourceHolders(): readonly Greenlet[] {
    return this.members.filter((g) => !g.dead)
  }

  notify(g: Greenlet): void {
    if (this.done) return
    this.finished.push(g)
    if (this.raiseError && !g.successful()) {
      this.done = true
      this.hub.fail(this.waiter, g.exception)
    } else if (this.finished.length >= this.target) {
      this.done = true
      this.hub.wake(this.waiter, this.finished)
    }
  }

  onTimeout(w: Waiter): void {
    this.done = true
    if (this.timeoutError) this.hub.fail(w, new Timeout(w.seconds))
    else this.hub.wake(w, this.finished)
  }

  onInterrupt(): void {
    this.done = true
  }
}

function gather(
  members: Greenlet[],
  target: number,
  seconds: number | null,
  raiseError: boolean,
  timeoutError: boolean,
  label: string,
): Promise<Greenlet[]> {
  const hub = getHub()
  const gatherer = new Gather(hub, members, target, raiseError, timeoutError)
  const current = hub.current()
  for (const g of members) {
    if (g === current) {
      throw new RangeError(`${g.name} cannot wait for itself: it would wait forever`)
    }
    if (!g.dead) continue
    gatherer.finished.push(g)
    if (raiseError && !g.successful()) return Promise.reject(g.exception)
  }
  if (gatherer.finished.length >= target) return Promise.resolve(gatherer.finished.slice(0, target))
  const w = hub.park<Greenlet[]>(gatherer, new WaitList(gatherer), seconds, label)
  if (!(w instanceof Waiter)) return w // interrupted before it could wait
  gatherer.waiter = w
  for (const g of members) if (!g.dead) observeGreenletDeath(g, gatherer)
  return w.promise
}

/**
 * Waits for the greenlets to finish and returns those that did, in the order they
 * finished (all of them, unless `timeout` or `count` cut the wait short).
 * With `raiseError`, rejects with the first exception as soon as one fails; the others
 * keep running. Duplicates are fine. A kill or Timeout aimed at you interrupts the wait.
 *
 * @throws TypeError for a non-iterable or non-greenlet members; TypeError/RangeError for
 * a bad `timeout` or `count`; RangeError if the current greenlet is among them.
 * @example
 * ```ts
 * import { joinAll, sleep, spawn } from '@strand/core'
 *
 * const slow = spawn(() => sleep(1))
 * const fast = spawn(() => sleep(0.01))
 * const done = await joinAll([slow, fast], { timeout: 0.1 })
 * done.length // => 1 (only `fast`)
 * ```
 */
export function joinAll(
  greenlets: Iterable<Greenlet>,
  opts?: { timeout?: number | null; raiseError?: boolean; count?: number | null },
): Promise<Greenlet[]> {
  checkOptions('opts', opts)
  const seconds = checkSeconds('timeout', opts?.timeout)
  const count = checkCount('count', opts?.count)
  const members = toGreenlets('greenlets', greenlets)
  const target = Math.min(count ?? members.length, members.length)
  return gather(members, target, seconds, opts?.raiseError === true, false, 'joinAll')
}

/**
 * Kills every greenlet (see {@link Greenlet.kill}) and waits until all are dead.
 * Greenlets that never started are cancelled at once; the calling greenlet, if it is in
 * the list, is skipped (as {@link shutdown} and `Group.kill()` do). With `timeout`,
 * rejects with a {@link Timeout} if some are still alive when it passes (gevent's
 * `killall`). A kill or Timeout aimed at you interrupts the wait (the kills are
 * delivered already).
 *
 * @throws TypeError/RangeError synchronously for bad arguments.
 * @example
 * ```ts
 * import { killAll, sleep, spawn } from '@strand/core'
 *
 * const gs = [spawn(() => sleep(60)), spawn(() => sleep(60))]
 * await sleep(0)
 * await killAll(gs)
 * gs.every((g) => g.dead) // => true
 * ```
 */
export function killAll(
  greenlets: Iterable<Greenlet>,
  opts?: { exception?: unknown; timeout?: number | null },
): Promise<void> {
  checkOptions('opts', opts)
  const seconds = checkSeconds('timeout', opts?.timeout)
  const self = getHub().current()
  const members = toGreenlets('greenlets', greenlets).filter((g) => g !== self)
  const exception = opts?.exception
  for (const g of members) void g.kill(exception)
  const alive = members.filter((g) => !g.dead)
  if (alive.length === 0) return RESOLVED
  return gather(alive, alive.length, seconds, false, true, 'killAll').then(nothing)
}

const RESOLVED = Promise.resolve()
const nothing = (): void => {}

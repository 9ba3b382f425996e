import { getHub } from './get-hub.js'
import { checkCount, checkOptions, checkSeconds, describe } from './internal/validate.js'
import { Waiter, type WaitOwner } from './internal/waiter.js'
import type { Waitable } from './waitable.js'

function toWaitables(objects: Iterable<Waitable>): Waitable[] {
  if (
    objects === null ||
    typeof (objects as Iterable<Waitable>)?.[Symbol.iterator] !== 'function'
  ) {
    throw new TypeError(
      `Expected \`objects\` to be an iterable of waitables, got ${describe(objects)}`,
    )
  }
  const list = [...new Set(objects)]
  for (const o of list) {
    if (typeof o?.ready !== 'function' || typeof o?.rawlink !== 'function') {
      throw new TypeError(
        `Expected \`objects\` to hold waitables (ready/rawlink/unlink), got ${describe(o)}`,
      )
    }
  }
  return list
}

const TIMED_OUT = Symbol('timed out')
const WAKE_OWNER: WaitOwner = { onTimeout: (w) => getHub().wake(w, TIMED_OUT) }

/**
 * Waits until `count` of the objects (all, by default) are ready, or `timeout` passes,
 * and returns the ready ones in the order they became ready.
 *
 * @example
 * ```ts
 * import { spawn, sleep, wait } from '@strand/core'
 *
 * const a = spawn(() => sleep(0.03))
 * const b = spawn(() => sleep(0.01))
 * const [first] = await wait([a, b], { count: 1 })
 * first === b // => true
 * ```
 */
export function wait<W extends Waitable>(
  objects: Iterable<W>,
  opts?: { timeout?: number | null; count?: number | null },
): Promise<W[]> {
  checkOptions('opts', opts)
  const seconds = checkSeconds('timeout', opts?.timeout)
  const count = checkCount('count', opts?.count)
  const list = toWaitables(objects) as W[]
  const target = Math.min(count ?? list.length, list.length)
  const found: W[] = []
  const rest: W[] = []
  for (const o of list) {
    if (found.length < target && o.ready()) found.push(o)
    else rest.push(o)
  }
  if (found.length >= target) return Promise.resolve(found)
  return new WaitFor(rest, found, target).park(seconds)
}

/** One wait() call: one waiter, one callback linked to each object not ready yet. */
class WaitFor<W extends Waitable> implements WaitOwner {
  private waiter: Waiter<W[]> | null = null
  private readonly linked: W[] = []

  constructor(
    /** the objects not ready when the wait began */
    private readonly rest: W[],
    private readonly found: W[],
    private readonly target: number,
  ) {}

  private readonly onReady = (o: Waitable): void => {
    const w = this.waiter
    if (w === null || !w.pending) return
    this.found.push(o as W)
    if (this.found.length >= this.target) this.finish(w)
  }

  park(seconds: number | null): Promise<W[]> {
    const w = getHub().park<W[]>(this, null, seconds, 'wait')
    if (!(w instanceof Waiter)) return w
    this.waiter = w
    for (const o of this.rest) {
      this.linked.push(o)
      o.rawlink(this.onReady)
    }
    return w.promise
  }

  onTimeout(w: Waiter): void {
    this.finish(w as Waiter<W[]>)
  }

  onInterrupt(): void {
    this.unlinkAll()
  }

  private finish(w: Waiter<W[]>): void {
    this.unlinkAll()
    getHub().wake(w, this.found)
  }

  private unlinkAll(): void {
    for (const o of this.linked) o.unlink(this.onReady)
    this.linked.length = 0
  }
}

/**
 * Yields the objects as they become ready (those already ready first), until `count`
 * have been yielded or `timeout` passes (then iteration just ends). Leaving the loop
 * early unlinks from the rest.
 *
 * @example
 * ```ts
 * import { iwait, sleep, spawn } from '@strand/core'
 *
 * const gs = [0.03, 0.01, 0.02].map((s, i) => spawn(async () => { await sleep(s); return i }))
 * for await (const g of iwait(gs)) console.log(await g.get())
 * // => 1, 2, 0
 * ```
 */
export function iwait<W extends Waitable>(
  objects: Iterable<W>,
  opts?: { timeout?: number | null; count?: number | null },
): AsyncIterable<W> {
  checkOptions('opts', opts)
  const seconds = checkSeconds('timeout', opts?.timeout)
  const count = checkCount('count', opts?.count)
  const list = toWaitables(objects) as W[]
  return iterate(list, Math.min(count ?? list.length, list.length), seconds)
}

async function* iterate<W extends Waitable>(
  list: W[],
  target: number,
  seconds: number | null,
): AsyncGenerator<W> {
  const hub = getHub()
  const queue: W[] = []
  let waiter: Waiter | null = null
  const onReady = (o: Waitable): void => {
    queue.push(o as W)
    if (waiter !== null) hub.wake(waiter)
  }
  const linked: W[] = []
  try {
    for (const o of list) {
      if (o.ready()) queue.push(o)
      else {
        o.rawlink(onReady)
        linked.push(o)
      }
    }
    const deadline = seconds === null ? 0 : hub.clock.now() + seconds
    for (let yielded = 0; yielded < target; ) {
      const next = queue.shift()
      if (next !== undefined) {
        yielded++
        yield next
        continue
      }
      const left = seconds === null ? null : Math.max(0, deadline - hub.clock.now())
      const parked = hub.park(WAKE_OWNER, null, left, 'iwait')
      if (!(parked instanceof Waiter)) await parked // interrupted: rejects
      waiter = parked as Waiter
      const outcome = await waiter.promise
      waiter = null
      if (outcome === TIMED_OUT) return
    }
  } finally {
    for (const o of linked) o.unlink(onReady)
  }
}

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
export async function wait<W extends Waitable>(
  objects: Iterable<W>,
  opts?: { timeout?: number | null; count?: number | null },
): Promise<W[]> {
  const found: W[] = []
  for await (const o of iwait(objects, opts)) found.push(o)
  return found
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

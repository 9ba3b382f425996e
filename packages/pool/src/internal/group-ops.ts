import { type Greenlet, getHub, joinAll } from '@strand/core'
import type { BaseGroup } from '../base-group.js'

/**
 * Group.kill: shoots every member not shot yet (also those added meanwhile), then waits
 * for them until the group is empty or the deadline passes (silently, as gevent).
 */
export async function killMembers(
  members: Set<Greenlet>,
  dying: Set<Greenlet>,
  exception: unknown,
  seconds: number | null,
  block: boolean,
): Promise<void> {
  const hub = getHub()
  const me = hub.current()
  const deadline = seconds === null ? null : hub.clock.now() + seconds
  for (;;) {
    for (const g of [...members]) {
      if (dying.has(g)) continue
      dying.add(g)
      void g.kill(exception)
    }
    if (!block) return
    const others = [...members].filter((g) => g !== me)
    if (others.length === 0) return
    const left = deadline === null ? null : deadline - hub.clock.now()
    if (left !== null && left <= 0) return
    await joinAll(others, { timeout: left })
  }
}

export async function callInline(fn: Function, args: unknown[]): Promise<never> {
  return (await fn(...args)) as never
}

export async function applyLater(
  group: BaseGroup,
  fn: Function,
  args: unknown[],
  callback: ((result: unknown) => unknown) | undefined,
): Promise<unknown> {
  const result = await group.apply(fn as () => unknown, args as [])
  if (callback !== undefined) await callback(result)
  return result
}

export async function collect<R>(results: AsyncIterable<R>): Promise<R[]> {
  const out: R[] = []
  for await (const r of results) out.push(r)
  return out
}

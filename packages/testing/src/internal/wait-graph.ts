import type { Greenlet, Hub } from '@strand/core'
import { waitsOf } from '@strand/core/internal'

/** One wait of a blocked greenlet, as its primitive describes it. */
export interface WaitFact {
  /** The wait's label: `Semaphore.acquire`, `Queue.get`, `join(worker-1)`. */
  label: string
  /** The primitive's name when it gave one (`Lock "A"`), else null. */
  resource: string | null
  /** Who holds it (null: the primitive has no holders, like an Event or a Queue). */
  holders: Greenlet[] | null
  /** A join(), get(), kill() or joinAll() wait: it waits for greenlets to end. */
  death: boolean
  /** Seconds until its own timeout fires, or null. */
  dueIn: number | null
}

/** A live greenlet (or main) and what it is stuck on. */
export interface Node {
  greenlet: Greenlet
  /** `waiting` on Strand waits, `outside` when it awaits a promise Strand does not see. */
  state: 'waiting' | 'outside' | 'scheduled'
  waits: WaitFact[]
}

function factsOf(hub: Hub, g: Greenlet): WaitFact[] {
  const now = hub.clock.now()
  return waitsOf(g).map((w) => {
    const resource = w.list?.resource ?? null
    const holders = resource?.resourceHolders?.()
    return {
      label: w.label,
      resource: resource === null ? null : resource.resourceName(),
      holders: holders === undefined ? null : holders.map((h) => (h ?? hub.root) as Greenlet),
      death: resource?.waitsForEnd === true,
      dueIn: w.heapIndex >= 0 ? Math.max(0, w.deadline - now) : null,
    }
  })
}

/**
 * Main (when it waits) and every live greenlet, in spawn order, with what they wait
 * on and who holds it: the wait-for graph a deadlock report reads.
 */
export function blockedNodes(hub: Hub): Node[] {
  const rootWaits = factsOf(hub, hub.root)
  const live = [...hub.liveGreenlets()]
  // runInfo() has a row per live greenlet, in the same order, after main's (if main waits)
  const rows = hub.runInfo()
  const offset = rows.length - live.length
  const nodes: Node[] = live.map((g, i) => {
    const waits = factsOf(hub, g)
    const scheduled = rows[offset + i]?.state === 'scheduled'
    return {
      greenlet: g,
      state: waits.length > 0 ? 'waiting' : scheduled ? 'scheduled' : 'outside',
      waits,
    }
  })
  nodes.reverse() // spawn order reads better than the live list's most recent first
  if (rootWaits.length > 0)
    nodes.unshift({ greenlet: hub.root, state: 'waiting', waits: rootWaits })
  return nodes
}

/** The elementary cycles of "waits on something held by", each from its first node. */
export function findCycles(nodes: Node[], limit = 10): Greenlet[][] {
  const index = new Map(nodes.map((n, i) => [n.greenlet, i]))
  const next = nodes.map((n) => {
    const out = new Set<number>()
    for (const w of n.waits)
      for (const h of w.holders ?? []) {
        const j = index.get(h)
        if (j !== undefined) out.add(j)
      }
    return [...out]
  })
  const cycles: Greenlet[][] = []
  for (let start = 0; start < nodes.length && cycles.length < limit; start++) {
    const path = [start]
    const onPath = new Set(path)
    const walk = (at: number): void => {
      for (const j of next[at] ?? []) {
        if (cycles.length >= limit) return
        if (j === start) cycles.push(path.map((i) => (nodes[i] as Node).greenlet))
        else if (j > start && !onPath.has(j)) {
          path.push(j)
          onPath.add(j)
          walk(j)
          onPath.delete(j)
          path.pop()
        }
      }
    }
    walk(start)
  }
  return cycles
}

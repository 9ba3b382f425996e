import type { Greenlet } from '@strand/core'
import type { Namer } from './names.js'
import type { Node, WaitFact } from './wait-graph.js'

/**
 * `Lock "B"` for a named primitive; `join(worker-1)`, `joinAll(worker-1, worker-2)` for
 * a wait on greenlets to end; else the wait's label (`Queue.get`).
 */
export function waitText(w: WaitFact, n: Namer): string {
  if (w.death && w.holders !== null) {
    const base = w.label.replace(/\(.*\)$/, '')
    return `${base}(${w.holders.map((h) => n.nameOf(h)).join(', ')})`
  }
  if (w.resource === null) return n.label(w.label)
  return w.resource
}

/**
 * ` held by worker-2`; in a deadlock report (`stuck`), why nobody can end the wait; in
 * a run-info tree, when its timeout is due.
 */
export function holderText(w: WaitFact, n: Namer, stuck: boolean): string {
  const due = w.dueIn === null ? '' : `, due in ${+w.dueIn.toFixed(3)} s`
  if (w.death) return due
  if (w.holders === null) {
    return stuck ? ' (nobody holds it, and no greenlet left running could end the wait)' : due
  }
  if (w.holders.length === 0) return ` held by nobody (no greenlet will release it)${due}`
  const who = w.holders.map((h) =>
    h.dead ? `${n.nameOf(h)} (dead, never released it)` : n.nameOf(h),
  )
  return ` held by ${[...new Set(who)].join(', ')}${due}`
}

/** What `g` holds, among the things the nodes wait on. */
export function holdsOf(g: Greenlet, nodes: readonly Node[]): string[] {
  const held = new Set<string>()
  for (const node of nodes) {
    for (const w of node.waits) {
      if (!w.death && w.resource !== null && w.holders?.includes(g)) held.add(w.resource)
    }
  }
  return [...held]
}

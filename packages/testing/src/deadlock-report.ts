import { type Greenlet, getHub, type Hub } from '@strand/core'
import { type Namer, realNames } from './internal/names.js'
import { blockedNodes, findCycles, type Node } from './internal/wait-graph.js'
import { holderText, holdsOf, waitText } from './internal/wait-text.js'

/** One greenlet of a {@link DeadlockReport}. */
export interface BlockedGreenlet {
  /** Its name (in `explore`, unnamed greenlets are `Greenlet-1`, `Greenlet-2`, … of the run). */
  readonly name: string
  /** What it waits on: `Lock "B"`, `Queue.get`, `join(worker-1)`; empty when it awaits a promise Strand does not see. */
  readonly waitsOn: readonly string[]
  /** Who holds what it waits on (names). */
  readonly heldBy: readonly string[]
  /** What it holds, of the things the others wait on (`Lock "A"`). */
  readonly holds: readonly string[]
}

/** Who is blocked on what, who holds it, and the cycles: see {@link deadlockReport}. */
export interface DeadlockReport {
  readonly blocked: readonly BlockedGreenlet[]
  /** Each cycle of waits, as the names of the greenlets in it (`['worker-1', 'worker-2']`). */
  readonly cycles: readonly (readonly string[])[]
  /** The report as LoopExit prints it. */
  readonly text: string
}

const NOTHING_LEFT = 'nothing is ready to run, no timer is armed and no I/O is pending'

function cycleText(cycle: Greenlet[], nodes: Node[], n: Namer): string {
  const nodeOf = (g: Greenlet) => nodes.find((x) => x.greenlet === g) as Node
  return cycle
    .map((g, i) => {
      const next = cycle[(i + 1) % cycle.length] as Greenlet
      const prev = cycle[(i + cycle.length - 1) % cycle.length] as Greenlet
      const into = nodeOf(prev).waits.find((w) => w.holders?.includes(g))
      const out = nodeOf(g).waits.find((w) => w.holders?.includes(next))
      const parts: string[] = []
      if (into !== undefined && !into.death && into.resource !== null)
        parts.push(`holds ${into.resource}`)
      if (out !== undefined) parts.push(`waits ${waitText(out, n)}`)
      return `${n.nameOf(g)} ${parts.join(', ')}`
    })
    .join('; ')
}

/**
 * The report for `hub` as it stands, with `n` naming the greenlets and `reason` the
 * first line's explanation of why nothing can wake them.
 */
export function buildReport(hub: Hub, n: Namer, reason = NOTHING_LEFT): DeadlockReport {
  const nodes = blockedNodes(hub).filter((node) => node.state !== 'scheduled')
  const cycles = findCycles(nodes)
  const blocked: BlockedGreenlet[] = nodes.map((node) => ({
    name: n.nameOf(node.greenlet),
    waitsOn: node.waits.map((w) => waitText(w, n)),
    heldBy: [...new Set(node.waits.flatMap((w) => (w.death ? [] : (w.holders ?? []))))].map((h) =>
      n.nameOf(h),
    ),
    holds: holdsOf(node.greenlet, nodes),
  }))
  const whom = nodes.length === 1 ? 'this greenlet' : 'these greenlets'
  const lines = [
    nodes.length === 0
      ? `Deadlock: ${reason}.`
      : `Deadlock: ${reason}, so nothing can wake ${whom}:`,
  ]
  nodes.forEach((node, i) => {
    const b = blocked[i] as BlockedGreenlet
    const holds = b.holds.length > 0 ? ` holds ${b.holds.join(', ')},` : ''
    const waits =
      node.waits.length === 0
        ? ' awaits a promise Strand does not see (a plain promise or real I/O)'
        : ` waits on ${node.waits.map((w) => waitText(w, n) + holderText(w, n, true)).join(' and ')}`
    lines.push(`  ${b.name}${holds}${waits}`)
  })
  for (const cycle of cycles) lines.push(`Cycle: ${cycleText(cycle, nodes, n)}`)
  return {
    blocked,
    cycles: cycles.map((c) => c.map((g) => n.nameOf(g))),
    text: lines.join('\n'),
  }
}

/**
 * Who is blocked on what right now, who holds it, and the cycles of waits: what a
 * deadlock report says. `withVirtualTime` and `explore` attach it to the `LoopExit`
 * they raise when everything is stuck; call it yourself when a program hangs, or use
 * {@link explainDeadlocks} to have it on the LoopExit of a real process. Locks from
 * `@strand/lock` say who holds them (give them a `name`); an Event or a Queue has no
 * holder, and the report says that nobody left could end the wait.
 *
 * @example
 * ```ts
 * import { Lock } from '@strand/lock'
 * import { sleep, spawn } from '@strand/core'
 * import { deadlockReport } from '@strand/testing'
 *
 * const a = new Lock({ name: 'A' })
 * const b = new Lock({ name: 'B' })
 * const take = (first: Lock, second: Lock) => async () => {
 *   await first.acquire()
 *   await sleep(0.01)
 *   await second.acquire()
 * }
 * spawn(take(a, b)).name = 'worker-1'
 * spawn(take(b, a)).name = 'worker-2'
 * await sleep(0.1)
 * console.log(deadlockReport().text)
 * // => Deadlock: nothing is ready to run, … so nothing can wake these greenlets:
 * //      worker-1 holds Lock "A", waits on Lock "B" held by worker-2
 * //      worker-2 holds Lock "B", waits on Lock "A" held by worker-1
 * //    Cycle: worker-1 holds Lock "A", waits Lock "B"; worker-2 holds Lock "B", waits Lock "A"
 * ```
 */
export function deadlockReport(hub: Hub = getHub()): DeadlockReport {
  return buildReport(hub, realNames)
}

/**
 * Makes the `LoopExit` that ends a real program (Node about to exit with greenlets
 * blocked) carry the {@link deadlockReport} in its message. Returns the function that
 * turns it off again.
 *
 * @example
 * ```ts
 * import { Lock } from '@strand/lock'
 * import { explainDeadlocks } from '@strand/testing'
 *
 * explainDeadlocks()
 * const lock = new Lock({ name: 'config' })
 * await lock.acquire()
 * await lock.acquire() // not re-entrant: at exit,
 * // => LoopExit: This operation would block forever (waiting on Semaphore.acquire)
 * //    Deadlock: nothing is ready to run, … so nothing can wake this greenlet:
 * //      main holds Lock "config", waits on Lock "config" held by main
 * //    Cycle: main holds Lock "config", waits Lock "config"
 * ```
 */
export function explainDeadlocks(hub: Hub = getHub()): () => void {
  const explain = (): string => deadlockReport(hub).text
  hub.explainLoopExit = explain
  return () => {
    if (hub.explainLoopExit === explain) hub.explainLoopExit = null
  }
}

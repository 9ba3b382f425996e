import { type Greenlet, getHub, type Hub } from '@strand/core'
import { realNames } from './internal/names.js'
import { parents } from './internal/parents.js'
import { blockedNodes, type Node } from './internal/wait-graph.js'
import { holderText, holdsOf, waitText } from './internal/wait-text.js'

function stateText(node: Node, running: Greenlet): string {
  if (node.state === 'scheduled') return 'scheduled'
  if (node.state === 'outside') {
    return node.greenlet === running ? 'running' : 'awaiting a promise Strand does not see'
  }
  const waits = node.waits.map((w) => waitText(w, realNames) + holderText(w, realNames, false))
  return `waiting on ${waits.join(' and ')}`
}

/**
 * The greenlets of `hub` as a tree (who spawned whom, as far as it is known), each with
 * its state, what it waits on, who holds that, and what it holds that others wait on:
 * gevent's `print_run_info`, with the facts of a deadlock report. Who spawned whom is
 * recorded for programs run by {@link withVirtualTime} and {@link explore}; on the
 * thread's own hub every greenlet hangs under main.
 *
 * @example
 * ```ts
 * import { Lock } from '@strand/lock'
 * import { sleep, spawn } from '@strand/core'
 * import { runInfo, withVirtualTime } from '@strand/testing'
 *
 * await withVirtualTime(async () => {
 *   const lock = new Lock({ name: 'db' })
 *   const owner = spawn(async () => {
 *     await lock.acquire()
 *     spawn(() => lock.acquire()).name = 'helper'
 *     await sleep(60)
 *     lock.release()
 *   })
 *   owner.name = 'owner'
 *   await sleep(1)
 *   console.log(runInfo())
 *   await owner.join()
 * })
 * // => main running
 * //    └─ owner holds Lock "db", waiting on sleep
 * //       └─ helper waiting on Lock "db" held by owner
 * ```
 */
export function runInfo(hub: Hub = getHub()): string {
  const running = hub.current()
  const nodes = blockedNodes(hub)
  const root = nodes[0]?.greenlet === hub.root ? (nodes.shift() as Node) : null
  const live = new Set(nodes.map((n) => n.greenlet))
  const children = new Map<Greenlet, Node[]>()
  for (const node of nodes) {
    // hang it under its nearest live ancestor, else under main
    let parent = parents.get(node.greenlet)
    while (parent !== undefined && !live.has(parent)) parent = parents.get(parent)
    const key = parent ?? hub.root
    const list = children.get(key) ?? []
    list.push(node)
    children.set(key, list)
  }
  const all = root === null ? nodes : [root, ...nodes]
  const line = (node: Node): string => {
    const holds = holdsOf(node.greenlet, all)
    const held = holds.length > 0 ? ` holds ${holds.join(', ')},` : ''
    return `${node.greenlet.name}${held} ${stateText(node, running)}`
  }
  const mainText =
    root === null
      ? `main ${running === hub.root ? 'running' : 'awaiting a promise Strand does not see'}`
      : line(root)
  const out = [mainText]
  const draw = (of: Greenlet, indent: string): void => {
    const kids = children.get(of) ?? []
    kids.forEach((kid, i) => {
      const last = i === kids.length - 1
      out.push(`${indent}${last ? '└─' : '├─'} ${line(kid)}`)
      draw(kid.greenlet, `${indent}${last ? '   ' : '│  '}`)
    })
  }
  draw(hub.root, '')
  return out.join('\n')
}

import { LoopExit } from '../errors.js'
import type { LiveList } from './live-list.js'
import type { Task } from './task.js'
import type { Waiter } from './waiter.js'

/**
 * Node is about to exit although greenlets still wait: nothing can wake them. Raise
 * LoopExit into the main greenlet's waits (as gevent does); if main waits on nothing,
 * into the blocked greenlets', each at most once, so none hangs silently. `report` ends
 * each LoopExit's message. Returns how many waits got it.
 */
export function raiseLoopExit(
  root: Task,
  live: LiveList,
  fail: (w: Waiter, error: unknown) => void,
  report?: string,
): number {
  let victims = root.waitHead !== null ? [root] : []
  if (victims.length === 0) {
    victims = [...live].filter((t) => t.waitHead !== null && t.x?.sawLoopExit !== true)
  }
  let raised = 0
  for (const task of victims) {
    if (task !== root) task.extras().sawLoopExit = true
    for (let w = task.waitHead; w !== null; ) {
      const next = w.tNext
      fail(w, new LoopExit(w.label, report))
      raised++
      w = next
    }
  }
  return raised
}

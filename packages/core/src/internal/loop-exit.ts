import { LoopExit } from '../errors.js'
import type { LiveList } from './live-list.js'
import type { Task } from './task.js'
import type { Waiter } from './waiter.js'

/**
 * Node is about to exit although greenlets still wait: nothing can wake them. Raise
 * LoopExit into the main greenlet's waits (as gevent does); if main waits on nothing,
 * into the blocked greenlets', each at most once, so none hangs silently.
 */
export function raiseLoopExit(
  root: Task,
  live: LiveList,
  fail: (w: Waiter, error: unknown) => void,
): void {
  let victims = root.waitHead !== null ? [root] : []
  if (victims.length === 0) {
    victims = [...live].filter((t) => t.waitHead !== null && t.x?.sawLoopExit !== true)
  }
  for (const task of victims) {
    if (task !== root) task.extras().sawLoopExit = true
    for (let w = task.waitHead; w !== null; ) {
      const next = w.tNext
      fail(w, new LoopExit(w.label))
      w = next
    }
  }
}

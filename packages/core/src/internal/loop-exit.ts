import { LoopExit } from '../errors.js'
import type { Hub } from '../hub.js'

/**
 * Node is about to exit although greenlets still wait: nothing can wake them. Raise
 * LoopExit into the main greenlet's waits (as gevent does); if main waits on nothing,
 * into the blocked greenlets', each at most once, so none hangs silently.
 */
export function raiseLoopExit(hub: Hub): void {
  const root = hub.root
  let victims = root._waitHead !== null ? [root] : []
  if (victims.length === 0) {
    victims = [...hub.live].filter((g) => g._waitHead !== null && !g._sawLoopExit)
  }
  for (const g of victims) {
    g._sawLoopExit = g !== root
    for (let w = g._waitHead; w !== null; ) {
      const next = w.gNext
      hub.fail(w, new LoopExit(w.label))
      w = next
    }
  }
}

import type { Greenlet } from '@strand/core'

/**
 * Who spawned whom, for the `runInfo()` tree: filled from the hub's trace while a
 * program runs under `withVirtualTime` or `explore` (the thread's own hub records no
 * parents). Weak, so it keeps nobody alive.
 */
export const parents = new WeakMap<Greenlet, Greenlet>()

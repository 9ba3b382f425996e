// The life of a greenlet: created → scheduled (start() called) → running → dead.
export const NEW = 0
export const SCHEDULED = 1
export const RUNNING = 2
export const DEAD = 3

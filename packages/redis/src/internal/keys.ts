/**
 * The Redis keys of the queue `name`. They share one hash tag, `{name}`, so on a Redis
 * Cluster they live in one slot and every script can touch all of them.
 */
export interface QueueKeys {
  /** The stream of unacknowledged items: `{name}`. */
  readonly stream: string
  /** Shutdown flag, XAUTOCLAIM cursor and counters: `{name}:meta`. */
  readonly meta: string
  /** The dead-letter stream: `{name}:dead`. */
  readonly dead: string
  /** All three, in the order the scripts expect them. */
  readonly all: readonly [string, string, string]
}

export function queueKeys(name: string): QueueKeys {
  const stream = `{${name}}`
  const meta = `${stream}:meta`
  const dead = `${stream}:dead`
  return { stream, meta, dead, all: [stream, meta, dead] }
}

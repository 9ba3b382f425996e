import { StrandError } from '@strand/core'

/**
 * Thrown by `pool.add(g, { blocking: false })` / `pool.start(g, …)` when every slot is
 * taken, and when their `timeout` passes before a slot frees up (gevent's `PoolFull`).
 *
 * @example
 * ```ts
 * import { Greenlet } from '@strand/core'
 * import { Pool, PoolFull } from '@strand/pool'
 *
 * const pool = new Pool(1)
 * await pool.spawn(() => new Promise(() => {}))
 * try {
 *   await pool.add(new Greenlet(() => 1), { blocking: false })
 * } catch (err) {
 *   err instanceof PoolFull // => true
 * }
 * ```
 */
export class PoolFull extends StrandError {
  constructor(readonly size: number) {
    super(
      'ERR_POOL_FULL',
      `Pool is full (size ${size}); wait for a free slot (omit \`blocking: false\`, use a longer \`timeout\`) or use a larger pool`,
    )
  }
}

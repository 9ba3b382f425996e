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

/**
 * Raised into the body of a {@link Group.scope} when one of its tasks fails, so the body
 * stops at its next wait; the scope then throws the task's error, not this one. You see
 * it only if you catch inside the body: rethrow it (or let it pass) so the scope ends.
 *
 * @example
 * ```ts
 * import { sleep } from '@strand/core'
 * import { Group, ScopeCancelled } from '@strand/pool'
 *
 * await Group.scope(async (group) => {
 *   group.spawn(() => { throw new Error('boom') })
 *   try {
 *     await sleep(10)
 *   } catch (err) {
 *     if (err instanceof ScopeCancelled) console.log('a task failed') // => a task failed
 *     throw err
 *   }
 * }).catch((err) => console.log(err.message)) // => boom
 * ```
 */
export class ScopeCancelled extends StrandError {
  constructor() {
    super('ERR_SCOPE_CANCELLED', 'A task of this Group.scope() failed; the scope is cancelled')
  }
}

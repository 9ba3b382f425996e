/**
 * What {@link RedisQueue.stats} reports; the counts are over every process using the queue.
 *
 * @example
 * ```ts
 * const { waiting, inFlight, acknowledged } = await q.stats()
 * console.log(`${waiting} waiting, ${inFlight} being worked on, ${acknowledged} done`)
 * ```
 */
export interface RedisQueueStats {
  /** Items waiting for a consumer (what `maxsize` bounds; `qsize()`). */
  waiting: number
  /** Items delivered and not acknowledged yet (including those past their visibility timeout). */
  inFlight: number
  /** Items ever put. */
  put: number
  /** Items ever acknowledged (each counted once, however often it was delivered). */
  acknowledged: number
  /** Items ever moved to the dead-letter stream. */
  dead: number
  /** Entries in the dead-letter stream now. */
  deadLetters: number
  /** True once `shutdown()` was called (by any process). */
  shutDown: boolean
}

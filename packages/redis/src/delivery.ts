/**
 * One item handed to you by {@link RedisQueue.get}, with what you need to settle it. Until
 * you {@link Delivery.ack | ack} it, it is yours for `visibilityTimeout` seconds (from
 * the delivery, or from your last {@link Delivery.touch | touch}); after that, or if your
 * process dies, the queue gives it to another consumer (at least once).
 *
 * @example
 * ```ts
 * import { RedisQueue } from '@strand/redis'
 *
 * const q = await new RedisQueue<{ to: string }>({ name: 'mail' }).connect()
 * const d = await q.get()
 * await sendMail(d.item.to)
 * await d.ack() // => true: acknowledged; the entry is gone from Redis
 * d.deliveries // => 1 the first time; 2 if another consumer had it before and died
 * ```
 */
export interface Delivery<T> {
  /** The stream entry id, e.g. `1718000000000-0`: the same on every redelivery. */
  readonly id: string
  /** The item, decoded by the queue's codec. */
  readonly item: T
  /** How many times it was delivered, this one included (1 the first time). */
  readonly deliveries: number
  /**
   * Acknowledges it: the item is done and removed from Redis. Resolves `true` when this
   * call did it, `false` when it was no longer pending (already acknowledged, for instance
   * by a consumer that took it over after your visibility timeout, or dead-lettered).
   * Retried across reconnects (acknowledging twice is harmless; a retried ack may answer
   * `false` although its first attempt did the work).
   */
  ack(): Promise<boolean>
  /**
   * Gives it back now instead of after the visibility timeout: the next `get()` anywhere
   * receives it (its delivery count goes on, so `maxDeliveries` still applies). `false` if
   * it was no longer yours.
   */
  release(): Promise<boolean>
  /**
   * Restarts its visibility clock: call it every so often while work takes longer than
   * `visibilityTimeout`. `false` if it is no longer yours (it timed out and another
   * consumer took it): stop, your result would be a duplicate.
   */
  touch(): Promise<boolean>
}

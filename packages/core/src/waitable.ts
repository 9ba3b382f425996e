/**
 * Anything {@link wait} and {@link iwait} can watch: greenlets, events, async results,
 * semaphores. `rawlink(cb)` calls `cb(this)` from the hub once it is ready (at once if it
 * already is); `unlink(cb)` takes that back.
 *
 * @example
 * ```ts
 * import type { Waitable } from '@strand/core'
 *
 * class Flag implements Waitable {
 *   private on = false
 *   private cbs: ((w: Waitable) => void)[] = []
 *   ready() { return this.on }
 *   rawlink(cb: (w: Waitable) => void) { this.cbs.push(cb) }
 *   unlink(cb: (w: Waitable) => void) { this.cbs = this.cbs.filter((c) => c !== cb) }
 * }
 * ```
 */
export interface Waitable {
  ready(): boolean
  rawlink(callback: (w: Waitable) => void): void
  unlink(callback: (w: Waitable) => void): void
}

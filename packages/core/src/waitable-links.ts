import { getHub } from './get-hub.js'
import { checkFunction } from './internal/validate.js'
import type { Waitable } from './waitable.js'

type Callback = (w: Waitable) => void

/** One registration: the same callback may be linked twice and then fires twice. */
interface Entry {
  readonly cb: Callback
  readonly seq: number
}

/**
 * The `rawlink` callbacks of one waitable (Event, AsyncResult, Semaphore, …), gevent's
 * notifier. Callbacks are one-shot: each is removed just before it is called, from one
 * hub callback per notification round, in the order they were added. Callbacks added
 * during a round wait for the next one. `unlink` costs O(1), also while a round runs, so
 * a hundred thousand `wait([event], { timeout })` calls that time out cost linear time.
 * What a callback throws, or a promise it returns rejects with, goes to `hub.handleError`.
 *
 * @example
 * ```ts
 * import type { Waitable } from '@strand/core'
 * import { Links } from '@strand/core/internal'
 *
 * class Flag implements Waitable {
 *   private on = false
 *   private links = new Links(this, true)
 *   raise() { this.on = true; this.links.schedule() }
 *   ready() { return this.on }
 *   rawlink(cb: (w: Waitable) => void) { this.links.add(cb) }
 *   unlink(cb: (w: Waitable) => void) { this.links.remove(cb) }
 * }
 * ```
 */
export class Links {
  /** registrations in the order they were made (a Set iterates in insertion order) */
  private readonly order = new Set<Entry>()
  /** the registrations of each callback, for O(1) unlink */
  private readonly byCallback = new Map<Callback, Entry | Entry[]>()
  private seq = 0
  private scheduled = false

  constructor(
    private readonly owner: Waitable,
    /** Event-style: a round calls every callback even if the owner stopped being ready since. */
    private readonly notifyAll: boolean,
  ) {}

  get size(): number {
    return this.order.size
  }

  add(cb: Callback): void {
    checkFunction('callback', cb)
    const entry: Entry = { cb, seq: ++this.seq }
    this.order.add(entry)
    const known = this.byCallback.get(cb)
    if (known === undefined) this.byCallback.set(cb, entry)
    else if (Array.isArray(known)) known.push(entry)
    else this.byCallback.set(cb, [known, entry])
    if (this.owner.ready()) this.schedule()
  }

  /** Removes the oldest registration of `cb`; unknown callbacks are ignored. */
  remove(cb: unknown): void {
    const known = this.byCallback.get(cb as Callback)
    if (known === undefined) return
    let entry: Entry
    if (Array.isArray(known)) {
      entry = known.shift() as Entry
      if (known.length === 1) this.byCallback.set(cb as Callback, known[0] as Entry)
    } else {
      entry = known
      this.byCallback.delete(cb as Callback)
    }
    this.order.delete(entry)
  }

  /** Queues a notification round on the hub unless one is queued already. */
  schedule(): void {
    if (this.scheduled || this.order.size === 0) return
    this.scheduled = true
    getHub().schedule(runRound, this)
  }

  /** @internal one notification round */
  run(): void {
    this.scheduled = false
    if (!this.notifyAll && !this.owner.ready()) return
    const last = this.seq
    const hub = getHub()
    for (const entry of this.order) {
      if (entry.seq > last) break // added during this round: the next one
      // a callback took the last unit: the rest wait for the next round, in order
      if (!this.notifyAll && !this.owner.ready()) break
      this.remove(entry.cb)
      try {
        const result: unknown = entry.cb(this.owner)
        if (result instanceof Promise) result.then(undefined, (err) => hub.reportError(err, null))
      } catch (err) {
        hub.reportError(err, null)
      }
    }
  }
}

function runRound(links: Links): void {
  links.run()
}

import { getHub } from '../get-hub.js'
import type { Waitable } from '../waitable.js'
import { checkFunction } from './validate.js'

type Callback = (w: Waitable) => void

/**
 * The `rawlink` callbacks of one waitable (Event, AsyncResult, Semaphore, …). Callbacks are one-shot: each is removed just
 * before it is called, from one hub callback per notification round, in the order they
 * were added (gevent's notifier). `unlink` also works while a round is running.
 */
export class Links {
  private cbs: (Callback | null)[] = []
  /** The round being run, so unlink() can cancel a callback not called yet. */
  private batch: (Callback | null)[] | null = null
  private scheduled = false

  constructor(
    private readonly owner: Waitable,
    /** Event-style: a round calls every callback even if the owner stopped being ready since. */
    private readonly notifyAll: boolean,
  ) {}

  add(cb: Callback): void {
    checkFunction('callback', cb)
    this.cbs.push(cb)
    if (this.owner.ready()) this.schedule()
  }

  remove(cb: unknown): void {
    const i = this.cbs.indexOf(cb as Callback)
    if (i >= 0) {
      this.cbs.splice(i, 1)
      return
    }
    const batch = this.batch
    if (batch !== null) {
      const j = batch.indexOf(cb as Callback)
      if (j >= 0) batch[j] = null
    }
  }

  /** Queues a notification round on the hub unless one is queued already. */
  schedule(): void {
    if (this.scheduled || this.cbs.length === 0) return
    this.scheduled = true
    getHub().schedule(runRound, this)
  }

  /** @internal */
  run(): void {
    this.scheduled = false
    if (!this.notifyAll && !this.owner.ready()) return
    const batch = this.cbs
    this.cbs = []
    this.batch = batch
    const hub = getHub()
    try {
      for (let i = 0; i < batch.length; i++) {
        const cb = batch[i]
        if (cb === null || cb === undefined) continue
        if (!this.notifyAll && !this.owner.ready()) {
          // a callback took the last unit: the rest wait for the next round, in order
          const rest = batch.slice(i).filter((c): c is Callback => c !== null)
          this.cbs = rest.concat(this.cbs as Callback[])
          break
        }
        batch[i] = null
        try {
          cb(this.owner)
        } catch (err) {
          hub.handleError(err, null)
        }
      }
    } finally {
      this.batch = null
    }
  }
}

function runRound(links: Links): void {
  links.run()
}

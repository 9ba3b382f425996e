/** A {@link select} call waiting on some sockets; told when one of them may have become ready. */
export interface ReadyWatcher {
  changed(): void
}

/**
 * What a socket is once it is connected ({@link StreamSide}) or bound
 * ({@link ListenSide}): it knows whether a `recv`/`accept` or a `send` would wait now,
 * and tells the `select` calls watching it when that may have changed.
 */
export abstract class Side {
  /** The select() calls waiting on this socket; null (no array) while there are none. */
  private watchers: ReadyWatcher[] | null = null

  /** A recv() (accept() on a listener) would not wait. */
  abstract readable(): boolean
  /** A send() would not wait. */
  abstract writable(): boolean
  /** An error is pending (the next operation raises it). */
  abstract exceptional(): boolean

  watch(w: ReadyWatcher): void {
    if (this.watchers === null) this.watchers = [w]
    else this.watchers.push(w)
  }

  unwatch(w: ReadyWatcher): void {
    const list = this.watchers
    if (list === null) return
    const i = list.indexOf(w)
    if (i >= 0) list.splice(i, 1)
    if (list.length === 0) this.watchers = null
  }

  /** Something changed: let each watching select() look again (it may unwatch while we loop). */
  protected notify(): void {
    const list = this.watchers
    if (list === null) return
    for (const w of list.slice()) w.changed()
  }
}

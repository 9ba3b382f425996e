import type { Greenlet } from '../greenlet.js'

/**
 * The hub's table of live greenlets (started, not dead): an intrusive doubly linked list
 * threaded through the greenlets, so adding and removing cost no allocation and no hashing.
 */
export class LiveList {
  head: Greenlet | null = null
  count = 0
  /** Greenlets ever added. */
  added = 0

  add(g: Greenlet): void {
    g._liveNext = this.head
    g._livePrev = null
    if (this.head !== null) this.head._livePrev = g
    this.head = g
    this.count++
    this.added++
  }

  remove(g: Greenlet): void {
    if (g._livePrev !== null) g._livePrev._liveNext = g._liveNext
    else if (this.head === g) this.head = g._liveNext
    else return // not in the list
    if (g._liveNext !== null) g._liveNext._livePrev = g._livePrev
    g._livePrev = g._liveNext = null
    this.count--
  }

  /** Most recently started first. */
  *[Symbol.iterator](): Generator<Greenlet> {
    for (let g = this.head; g !== null; g = g._liveNext) yield g
  }
}

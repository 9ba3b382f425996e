import type { Task } from './task.js'

/**
 * The hub's table of live greenlets (started, not dead): an intrusive doubly linked list
 * threaded through the task records, so adding and removing cost no allocation and no hashing.
 */
export class LiveList {
  head: Task | null = null
  count = 0
  /** Tasks ever added. */
  added = 0

  add(g: Task): void {
    g.liveNext = this.head
    g.livePrev = null
    if (this.head !== null) this.head.livePrev = g
    this.head = g
    this.count++
    this.added++
  }

  remove(g: Task): void {
    if (g.livePrev !== null) g.livePrev.liveNext = g.liveNext
    else if (this.head === g) this.head = g.liveNext
    else return // not in the list
    if (g.liveNext !== null) g.liveNext.livePrev = g.livePrev
    g.livePrev = g.liveNext = null
    this.count--
  }

  /** Most recently started first. */
  *[Symbol.iterator](): Generator<Task> {
    for (let g = this.head; g !== null; g = g.liveNext) yield g
  }
}

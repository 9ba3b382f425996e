/** Something the hub's timer heap can hold: ordered by deadline, ties by creation. */
export interface TimerEntry {
  /** Absolute time in seconds on the hub's clock. */
  deadline: number
  /** Creation order, so equal deadlines fire first-come first-served. */
  seq: number
  /** Position in the heap, -1 when not in it (lets removal be O(log n)). */
  heapIndex: number
  /** Called by the hub when the deadline has passed. */
  fire(): void
}

function before(a: TimerEntry, b: TimerEntry): boolean {
  return a.deadline < b.deadline || (a.deadline === b.deadline && a.seq < b.seq)
}

/** A binary min-heap of timer entries with O(log n) insert and remove-anywhere. */
export class TimerHeap {
  private items: TimerEntry[] = []

  get size(): number {
    return this.items.length
  }

  peek(): TimerEntry | undefined {
    return this.items[0]
  }

  push(entry: TimerEntry): void {
    entry.heapIndex = this.items.length
    this.items.push(entry)
    this.up(entry.heapIndex)
  }

  pop(): TimerEntry | undefined {
    const first = this.items[0]
    if (first !== undefined) this.remove(first)
    return first
  }

  remove(entry: TimerEntry): void {
    const i = entry.heapIndex
    if (i < 0) return
    const items = this.items
    const last = items.pop() as TimerEntry
    entry.heapIndex = -1
    if (last === entry) return
    items[i] = last
    last.heapIndex = i
    this.up(i)
    this.down(last.heapIndex)
  }

  /** A copy of the entries, in heap order. */
  entries(): TimerEntry[] {
    return this.items.slice()
  }

  private up(i: number): void {
    const items = this.items
    const entry = items[i] as TimerEntry
    while (i > 0) {
      const p = (i - 1) >> 1
      const parent = items[p] as TimerEntry
      if (!before(entry, parent)) break
      items[i] = parent
      parent.heapIndex = i
      i = p
    }
    items[i] = entry
    entry.heapIndex = i
  }

  private down(i: number): void {
    const items = this.items
    const n = items.length
    const entry = items[i] as TimerEntry
    for (;;) {
      const l = 2 * i + 1
      if (l >= n) break
      const r = l + 1
      let c = l
      if (r < n && before(items[r] as TimerEntry, items[l] as TimerEntry)) c = r
      const child = items[c] as TimerEntry
      if (!before(child, entry)) break
      items[i] = child
      child.heapIndex = i
      i = c
    }
    items[i] = entry
    entry.heapIndex = i
  }
}

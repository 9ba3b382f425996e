/**
 * Bytes received and not yet read: a FIFO of the chunks Node delivered, never copied
 * on the way in. `take(n)` returns the first chunk itself when it fits, a view of it
 * when it is longer, and copies only to join several small chunks.
 */
export class ReceiveBuffer {
  private chunks: Buffer[] = []
  private head = 0
  /** Bytes held. */
  size = 0

  push(chunk: Buffer): void {
    if (chunk.length === 0) return
    this.chunks.push(chunk)
    this.size += chunk.length
  }

  /** Up to `n` bytes (n ≥ 1; at least one byte must be held). */
  take(n: number): Buffer {
    const chunks = this.chunks
    const first = chunks[this.head] as Buffer
    if (first.length > n) {
      chunks[this.head] = first.subarray(n)
      this.size -= n
      return first.subarray(0, n)
    }
    // the whole first chunk, joined with as many following bytes as fit
    let total = first.length
    let end = this.head + 1
    while (end < chunks.length && total < n) {
      total += (chunks[end] as Buffer).length
      end++
    }
    if (end === this.head + 1) {
      this.drop(1)
      return first
    }
    const want = Math.min(total, n)
    const out = Buffer.allocUnsafe(want)
    let off = 0
    while (off < want) {
      const c = chunks[this.head] as Buffer
      const part = Math.min(c.length, want - off)
      c.copy(out, off, 0, part)
      off += part
      if (part === c.length) this.drop(1)
      else {
        chunks[this.head] = c.subarray(part)
        this.size -= part
      }
    }
    return out
  }

  clear(): void {
    this.chunks = []
    this.head = 0
    this.size = 0
  }

  private drop(count: number): void {
    for (let i = 0; i < count; i++) {
      this.size -= (this.chunks[this.head] as Buffer).length
      this.chunks[this.head++] = undefined as unknown as Buffer
    }
    if (this.head === this.chunks.length) {
      this.chunks.length = 0
      this.head = 0
    } else if (this.head > 1024 && this.head * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.head)
      this.head = 0
    }
  }
}

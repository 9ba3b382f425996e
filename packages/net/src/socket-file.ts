import { describe } from '@strand/core/internal'
import { stateError } from './internal/node-errors.js'
import type { Socket } from './socket.js'

const CHUNK = 64 * 1024
const EMPTY = Buffer.alloc(0)
const RESOLVED: Promise<void> = Promise.resolve()

/**
 * A buffered reader (and writer) over a {@link Socket}: Python's `sock.makefile('rb')`,
 * which gevent's echo server example uses to read lines. It reads from the socket in
 * chunks; whatever it has buffered stays with it (also when a read times out or is
 * killed), so mix it with `recv()` on the same socket only before the first read.
 * Closing the file does not close the socket. Lines and data are Buffers.
 *
 * @example
 * ```ts
 * import { StreamServer } from '@strand/net'
 *
 * const server = new StreamServer(['127.0.0.1', 0], async (sock) => {
 *   await sock.sendall('Welcome! Type quit to exit.\r\n')
 *   for await (const line of sock.makefile()) {
 *     if (line.toString().trim() === 'quit') break
 *     await sock.sendall(line)
 *   }
 * })
 * ```
 */
export class SocketFile implements AsyncIterable<Buffer>, Disposable {
  readonly mode: string
  #sock: Socket
  #buf: Buffer = EMPTY
  #eof = false
  #closed = false

  /** Prefer `sock.makefile(mode)`. @throws RangeError for a mode other than `r`, `w`, `rw` (with or without `b`). */
  constructor(sock: Socket, mode = 'rb') {
    if (typeof mode !== 'string' || !/^(?=.*[rw])[rwb+]{1,4}$/.test(mode)) {
      throw new RangeError(`Expected \`mode\` to be 'rb', 'wb' or 'rwb', got ${describe(mode)}`)
    }
    this.mode = mode
    this.#sock = sock
  }

  /** True once {@link SocketFile.close} was called. */
  get closed(): boolean {
    return this.#closed
  }

  /**
   * The next line, with its `\n`; at end of stream the rest without one, then an empty
   * Buffer. `size` caps the bytes returned (a longer line comes in pieces).
   * Rejects as `recv()` does (SocketTimeout, a kill…); the bytes read so far stay buffered.
   */
  readline(size?: number): Promise<Buffer> {
    this.#check('r', 'readline')
    return this.#readline(size === undefined || size < 0 ? Number.POSITIVE_INFINITY : size)
  }

  /**
   * `n` bytes, fewer only at end of stream; without `n` (or negative) everything up to
   * the end of the stream.
   */
  read(n?: number): Promise<Buffer> {
    this.#check('r', 'read')
    return this.#read(n === undefined || n < 0 ? Number.POSITIVE_INFINITY : n)
  }

  async #readline(limit: number): Promise<Buffer> {
    let from = 0
    for (;;) {
      const i = this.#buf.indexOf(10, from)
      if (i >= 0 && i < limit) return this.#consume(i + 1)
      if (this.#buf.length >= limit) return this.#consume(limit)
      if (this.#eof) return this.#consume(this.#buf.length)
      from = this.#buf.length
      await this.#fill()
    }
  }

  async #read(want: number): Promise<Buffer> {
    while (this.#buf.length < want && !this.#eof) await this.#fill()
    return this.#consume(Math.min(want, this.#buf.length))
  }

  /** Lines until end of stream (each with its `\n`, the last maybe without). */
  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer, void, undefined> {
    for (;;) {
      const line = await this.readline()
      if (line.length === 0) return
      yield line
    }
  }

  /** `sendall(data)` on the socket; resolves to the bytes written. */
  write(data: Uint8Array | string): Promise<number> {
    this.#check('w', 'write')
    const n = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength
    return this.#sock.sendall(data).then(() => n)
  }

  /** Nothing to do: `write` hands everything to the socket. */
  flush(): Promise<void> {
    return RESOLVED
  }

  /** Closes the file (not the socket); what it buffered is dropped. */
  close(): void {
    this.#closed = true
    this.#buf = EMPTY
  }

  [Symbol.dispose](): void {
    this.close()
  }

  async #fill(): Promise<void> {
    const chunk = await this.#sock.recv(CHUNK)
    if (chunk.length === 0) this.#eof = true
    else this.#buf = this.#buf.length === 0 ? chunk : Buffer.concat([this.#buf, chunk])
  }

  #consume(k: number): Buffer {
    const out = this.#buf.subarray(0, k)
    this.#buf = k === this.#buf.length ? EMPTY : this.#buf.subarray(k)
    return out
  }

  #check(need: 'r' | 'w', what: string): void {
    if (this.#closed) {
      throw stateError(`${what}() on a closed file (EBADF): makefile() a new one`, 'EBADF')
    }
    if (!this.mode.includes(need) && !this.mode.includes('+')) {
      throw stateError(
        `${what}() on a file opened with mode '${this.mode}' (EBADF): use makefile('${need === 'r' ? 'rb' : 'wb'}') or makefile('rwb')`,
        'EBADF',
      )
    }
  }
}

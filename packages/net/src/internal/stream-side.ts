import type { Socket as NodeSocket } from 'node:net'
import { getHub } from '@strand/core'
import { type Waiter, WaitList, type WaitOwner } from '@strand/core/internal'
import { BlockingIOError, BrokenPipeError, type SocketError, SocketTimeout } from '../errors.js'
import { formatHostPort } from './address.js'
import { CLOSE, operationOf, RECV, SEND, SENDALL } from './labels.js'
import { closedWhileWaiting, fromNodeError } from './node-errors.js'
import { ReceiveBuffer } from './receive-buffer.js'
import { Side } from './side.js'

/** Above this many unread bytes the Node socket is paused (the sender feels it). */
export const HIGH_WATER = 64 * 1024
/** A closed socket whose last bytes make no progress for this long is destroyed. */
const LINGER_MS = 30_000

const EMPTY = Buffer.alloc(0)
const RESOLVED: Promise<void> = Promise.resolve()
const SIDE: unique symbol = Symbol('strand.net.stream')
type Tagged = NodeSocket & { [SIDE]: StreamSide }

// One set of listeners for every socket (no closures per connection): `this` is the
// Node socket, which carries its side.
function onData(this: Tagged, chunk: Buffer): void {
  this[SIDE].onData(chunk)
}
function onEnd(this: Tagged): void {
  this[SIDE].onEnd()
}
function onError(this: Tagged, err: Error): void {
  this[SIDE].onError(err)
}
function onClose(this: Tagged): void {
  this[SIDE].onClose()
}
function onDrain(this: Tagged): void {
  this[SIDE].onDrain()
}
function onConnect(this: Tagged): void {
  this[SIDE].onConnect()
}
function destroySocket(this: NodeSocket): void {
  this.destroy()
}

/**
 * A connected (or connecting) stream socket over a Node `net.Socket`: the receive
 * buffer, the greenlets waiting in recv (`readers`) and in connect/send (`writers`),
 * and the Node events that wake them.
 *
 * Invariants: readers wait only while nothing is buffered, so data always goes to the
 * longest-waiting reader first; a reader that was killed or timed out is no longer in
 * the list, so what arrives after it stays buffered. The Node socket is paused only
 * while the buffer holds HIGH_WATER bytes or more, which bounds memory per connection
 * whatever the sender does.
 */
export class StreamSide extends Side implements WaitOwner {
  readonly readers = new WaitList()
  readonly writers = new WaitList()
  private readonly buffer = new ReceiveBuffer()
  private paused = false
  private closeWaiters: WaitList | null = null
  /** The peer has ended (or we shut reading down): recv returns b'' once the buffer is empty. */
  eof = false
  /** Raised by the next recv or send, then cleared (Python reports a reset once). */
  private error: SocketError | null = null
  private broken = false
  writeShut = false
  connected: boolean
  closed = false
  /** The Node handle is gone ('close' was emitted). */
  released = false
  /** Came from accept() (so a Unix peer has no name), rather than from connect(). */
  accepted = false
  private name: string | null

  constructor(
    readonly sock: NodeSocket,
    connected: boolean,
    name: string | null,
  ) {
    super()
    this.connected = connected
    this.name = name
    ;(sock as Tagged)[SIDE] = this
    sock.on('data', onData)
    sock.on('end', onEnd)
    sock.on('error', onError)
    sock.on('close', onClose)
    sock.on('drain', onDrain)
    if (!connected) sock.once('connect', onConnect)
  }

  /** The peer's address for messages: `127.0.0.1:8080` or a path. */
  where(): string {
    if (this.name === null) {
      const s = this.sock
      if (s.remoteAddress) this.name = formatHostPort(s.remoteAddress, s.remotePort)
      else return 'the peer' // a Unix peer has no name; a TCP one that is gone has none left
    }
    return this.name
  }

  /** Starts reading (accepted sockets arrive paused). */
  start(): void {
    this.sock.resume()
  }

  get bufferedBytes(): number {
    return this.buffer.size
  }

  // --- readiness, for select() ---

  readable(): boolean {
    return this.buffer.size > 0 || this.eof || this.error !== null || this.closed
  }

  writable(): boolean {
    if (this.closed || this.error !== null || this.broken) return true
    return this.connected && !this.sock.writableNeedDrain
  }

  exceptional(): boolean {
    return this.error !== null
  }

  // --- operations (the Socket facade has validated arguments and state) ---

  recv(n: number, timeout: number | null): Promise<Buffer> {
    if (this.buffer.size > 0 && n > 0) return Promise.resolve(this.take(n))
    const err = this.takeError()
    if (err !== null) return Promise.reject(err)
    if (this.eof || n === 0) return Promise.resolve(EMPTY)
    if (timeout === 0) return Promise.reject(new BlockingIOError('recv()', this.where()))
    return getHub().wait<Buffer>(this, this.readers, timeout, RECV, n)
  }

  /** Writes what the Node socket takes now: all of it, unless it waits for 'drain'. */
  send(data: Uint8Array | string, timeout: number | null): Promise<number> {
    const err = this.writeError('send()')
    if (err !== null) return Promise.reject(err)
    if (this.sock.writableNeedDrain || !this.connected) {
      if (timeout === 0) return Promise.reject(new BlockingIOError('send()', this.where()))
      return this.waitWritable(SEND, timeout).then(() => this.send(data, timeout))
    }
    this.sock.write(data)
    return Promise.resolve(typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength)
  }

  /** Writes everything, then waits for 'drain' if the Node socket is above its high-water mark. */
  sendall(data: Uint8Array | string, timeout: number | null): Promise<void> {
    const err = this.writeError('sendall()')
    if (err !== null) return Promise.reject(err)
    if (this.sock.writableNeedDrain || !this.connected) {
      if (timeout === 0) return Promise.reject(new BlockingIOError('sendall()', this.where()))
      return this.waitWritable(SENDALL, timeout).then(() => this.sendall(data, timeout))
    }
    if (this.sock.write(data) || timeout === 0) return RESOLVED
    return this.waitWritable(SENDALL, timeout)
  }

  waitWritable(label: string, timeout: number | null): Promise<void> {
    return getHub().wait<void>(this, this.writers, timeout, label)
  }

  /** SHUT_RD: nothing more is received (what arrives is dropped). */
  shutRead(): void {
    this.buffer.clear()
    this.eof = true
    if (this.paused) this.resume()
    getHub().wakeAll(this.readers, EMPTY)
    this.notify()
  }

  /** SHUT_WR: the peer reads end of stream once what was sent is flushed. */
  shutWrite(): void {
    this.writeShut = true
    this.sock.end()
  }

  /**
   * Our close(): waiting greenlets fail with EBADF; what was sent is still flushed (FIN
   * after it, as the kernel does for a closed socket), then the handle is destroyed.
   */
  close(): void {
    if (this.closed) return
    this.closed = true
    this.buffer.clear()
    const hub = getHub()
    hub.failAll(this.readers, (w) => closedWhileWaiting(operationOf(w.label), this.where()))
    hub.failAll(this.writers, (w) => closedWhileWaiting(operationOf(w.label), this.where()))
    this.notify()
    const s = this.sock
    if (s.destroyed) return
    if (!this.connected || this.broken) {
      s.destroy()
      return
    }
    if (this.paused) this.resume() // drain what arrives, so the peer's FIN can reach us
    if (!s.writableEnded) s.end()
    if (s.writableFinished) {
      s.destroy()
    } else {
      s.once('finish', destroySocket)
      s.setTimeout(LINGER_MS, destroySocket)
    }
  }

  /** Destroys the Node socket now (a connect that failed or was abandoned). */
  abort(): void {
    this.closed = true
    this.sock.destroy()
  }

  /** Waits until the Node handle is gone (after close()). */
  waitReleased(): Promise<void> {
    if (this.released) return RESOLVED
    const list = (this.closeWaiters ??= new WaitList())
    return getHub().wait<void>(this, list, null, CLOSE)
  }

  // --- WaitOwner: the wait's own timeout (settimeout) expired ---

  onTimeout(w: Waiter): void {
    getHub().fail(w, new SocketTimeout(operationOf(w.label), w.seconds, this.where()))
  }

  // --- Node events ---

  onData(chunk: Buffer): void {
    if (this.closed || this.eof) return // after close() or SHUT_RD: dropped, as the kernel would
    const readers = this.readers
    if (readers.head !== null) {
      const hub = getHub()
      let off = 0
      for (let w = readers.head; w !== null; w = readers.head) {
        const n = w.data as number
        const left = chunk.length - off
        if (left <= n) {
          hub.wake(w, off === 0 ? chunk : chunk.subarray(off))
          return
        }
        hub.wake(w, chunk.subarray(off, off + n))
        off += n
      }
      chunk = chunk.subarray(off)
    }
    this.buffer.push(chunk)
    if (this.buffer.size >= HIGH_WATER && !this.paused) {
      this.paused = true
      this.sock.pause()
    }
    this.notify()
  }

  onEnd(): void {
    this.eof = true
    getHub().wakeAll(this.readers, EMPTY)
    this.notify()
  }

  onError(err: Error): void {
    if (this.closed) return
    const op = !this.connected
      ? 'connect()'
      : this.readers.head === null && this.writers.head !== null
        ? 'send()'
        : 'recv()'
    const e = fromNodeError(err, op, this.where())
    this.broken = true
    this.eof = true
    const hub = getHub()
    const waiting = this.readers.head !== null || this.writers.head !== null
    hub.failAll(this.readers, () => e)
    hub.failAll(this.writers, () => e)
    if (!waiting) this.error = e // raised by the next recv or send
    this.notify()
  }

  onClose(): void {
    this.released = true
    this.eof = true
    if (!this.closed) {
      // destroyed underneath us without an error: the stream just ends
      const hub = getHub()
      hub.wakeAll(this.readers, EMPTY)
      if (this.writers.head !== null) {
        hub.failAll(this.writers, (w) => this.brokenPipe(operationOf(w.label)))
      }
      this.broken = true
    }
    if (this.closeWaiters !== null) getHub().wakeAll(this.closeWaiters)
    this.notify()
  }

  onDrain(): void {
    getHub().wakeAll(this.writers)
    this.notify()
  }

  onConnect(): void {
    this.connected = true
    getHub().wakeAll(this.writers)
    this.notify()
  }

  // --- helpers ---

  private take(n: number): Buffer {
    const data = this.buffer.take(n)
    if (this.paused && this.buffer.size <= HIGH_WATER / 2) this.resume()
    return data
  }

  private resume(): void {
    this.paused = false
    this.sock.resume()
  }

  private takeError(): SocketError | null {
    const err = this.error
    if (err !== null) this.error = null
    return err
  }

  private writeError(operation: string): SocketError | null {
    const err = this.takeError()
    if (err !== null) return err
    if (this.writeShut) return this.brokenPipe(operation, 'you shut this socket down for writing')
    if (this.broken) return this.brokenPipe(operation)
    return null
  }

  private brokenPipe(operation: string, why = 'the connection is closed'): SocketError {
    return new BrokenPipeError(operation, this.where(), why)
  }
}

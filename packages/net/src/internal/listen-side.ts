import { createServer, type Socket as NodeSocket, type Server } from 'node:net'
import { getHub } from '@strand/core'
import { type Waiter, WaitList, type WaitOwner } from '@strand/core/internal'
import { BlockingIOError, type SocketError, SocketTimeout } from '../errors.js'
import { formatTarget, type Target } from './address.js'
import { ACCEPT, BIND, CLOSE, operationOf } from './labels.js'
import { closedWhileWaiting, fromNodeError } from './node-errors.js'
import { Side } from './side.js'

const SIDE: unique symbol = Symbol('strand.net.listen')
type Tagged = Server & { [SIDE]: ListenSide<unknown> }
const RESOLVED: Promise<void> = Promise.resolve()

function onConnection(this: Tagged, sock: NodeSocket): void {
  this[SIDE].onConnection(sock)
}
function onListening(this: Tagged): void {
  this[SIDE].onListening()
}
function onError(this: Tagged, err: Error): void {
  this[SIDE].onError(err)
}
function onClose(this: Tagged): void {
  this[SIDE].onClose()
}

/**
 * A bound socket over a Node `net.Server`. Node binds and listens in one step, so the
 * server listens from bind() on; connections that arrive before `listen()` or while
 * nobody is in accept() wait here, wrapped and paused (their data stays in the kernel),
 * and accept() hands them out first come, first served.
 *
 * `S` is the socket type the connections are wrapped in (the public Socket).
 */
export class ListenSide<S> extends Side implements WaitOwner {
  readonly server: Server
  readonly acceptors = new WaitList()
  private pending: S[] = []
  private pendingHead = 0
  private error: SocketError | null = null
  private closeWaiters: WaitList | null = null
  bound = false
  private binding = false
  listening = false
  closed = false
  released = false
  readonly name: string

  constructor(
    readonly target: Target,
    private readonly wrap: (sock: NodeSocket) => S,
  ) {
    super()
    this.name = formatTarget(target)
    const server = createServer({ allowHalfOpen: true, pauseOnConnect: true })
    this.server = server
    ;(server as Tagged)[SIDE] = this as ListenSide<unknown>
    server.on('connection', onConnection)
    server.on('error', onError)
    server.on('close', onClose)
  }

  /** Binds (and, in Node, listens); settles when bound or failed. */
  bind(timeout: number | null): Promise<void> {
    const t = this.target
    this.binding = true
    this.server.once('listening', onListening)
    if (t.path !== undefined) this.server.listen({ path: t.path })
    else this.server.listen({ host: t.host, port: t.port })
    return getHub().wait<void>(this, this.acceptors, timeout, BIND)
  }

  /** Where it is bound: the real port once bound (port 0 asks for any free one). */
  address(): [string, number] {
    const a = this.server.address()
    if (a === null) return this.target.path !== undefined ? [this.target.path, 0] : ['0.0.0.0', 0]
    if (typeof a === 'string') return [a, 0]
    return [a.address, a.port]
  }

  readable(): boolean {
    return this.pending.length > this.pendingHead || this.error !== null || this.closed
  }

  writable(): boolean {
    return false
  }

  exceptional(): boolean {
    return this.error !== null
  }

  get backlog(): number {
    return this.pending.length - this.pendingHead
  }

  accept(timeout: number | null): Promise<S> {
    if (this.pending.length > this.pendingHead) return Promise.resolve(this.shift())
    const err = this.error
    if (err !== null) {
      this.error = null
      return Promise.reject(err)
    }
    if (timeout === 0) return Promise.reject(new BlockingIOError('accept()', this.name))
    return getHub().wait<S>(this, this.acceptors, timeout, ACCEPT)
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    const hub = getHub()
    hub.failAll(this.acceptors, (w) => closedWhileWaiting(operationOf(w.label), this.name))
    for (let i = this.pendingHead; i < this.pending.length; i++) {
      ;(this.pending[i] as { close(): void }).close()
    }
    this.pending = []
    this.pendingHead = 0
    if (this.server.listening) this.server.close()
    else if (!this.binding) this.released = true // else onListening closes it
    this.notify()
  }

  waitReleased(): Promise<void> {
    if (this.released) return RESOLVED
    const list = (this.closeWaiters ??= new WaitList())
    return getHub().wait<void>(this, list, null, CLOSE)
  }

  onTimeout(w: Waiter): void {
    getHub().fail(w, new SocketTimeout(operationOf(w.label), w.seconds, this.name))
  }

  onConnection(sock: NodeSocket): void {
    if (this.closed) {
      sock.destroy()
      return
    }
    const s = this.wrap(sock)
    const w = this.listening ? this.acceptors.head : null
    if (w !== null) {
      getHub().wake(w, s)
      return
    }
    this.pending.push(s)
    this.notify()
  }

  onListening(): void {
    this.binding = false
    this.bound = true
    if (this.closed) {
      this.server.close() // closed (or the bind abandoned) while Node was still binding
      return
    }
    getHub().wakeAll(this.acceptors)
  }

  onError(err: Error): void {
    if (!this.bound) {
      this.binding = false
      if (this.closed) this.onClose()
    }
    const e = fromNodeError(err, this.bound ? 'accept()' : 'bind()', this.name)
    if (this.acceptors.head !== null) getHub().failAll(this.acceptors, () => e)
    else this.error = e
    this.notify()
  }

  onClose(): void {
    this.released = true
    if (this.closeWaiters !== null) getHub().wakeAll(this.closeWaiters)
  }

  private shift(): S {
    const s = this.pending[this.pendingHead] as S
    this.pending[this.pendingHead++] = undefined as S
    if (this.pendingHead === this.pending.length) {
      this.pending.length = 0
      this.pendingHead = 0
    }
    return s
  }
}

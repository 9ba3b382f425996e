import { type Socket as NodeSocket, Socket as NodeSocketClass } from 'node:net'
import { inspect } from 'node:util'
import { checkCount, checkSeconds, waitingCount } from '@strand/core/internal'
import type { Address } from './address.js'
import { AF_INET, AF_INET6, AF_UNIX, SHUT_RD, SHUT_WR, SOCK_STREAM } from './constants.js'
import { getdefaulttimeout } from './default-timeout.js'
import { BlockingIOError } from './errors.js'
import { access, setAccess } from './internal/access.js'
import { checkAddress, familyName, formatHostPort, formatTarget } from './internal/address.js'
import {
  byteLength,
  checkBufsize,
  checkData,
  checkFamilyAndType,
  checkHow,
} from './internal/checks.js'
import { CONNECT } from './internal/labels.js'
import { ListenSide } from './internal/listen-side.js'
import { closedError, stateError } from './internal/node-errors.js'
import { StreamSide } from './internal/stream-side.js'
import { SocketFile } from './socket-file.js'

const RESOLVED: Promise<void> = Promise.resolve()
const RESOLVED_ZERO: Promise<number> = Promise.resolve(0)

/**
 * A Python-style green socket over `node:net` (gevent's `gevent.socket.socket`): every
 * call that would block in Python returns a promise and is a cooperative wait, so
 * `kill()` and `Timeout` interrupt it like any other wait, and `settimeout()` limits it.
 * Create one with {@link socket}, {@link createConnection}, or get one from `accept()`.
 *
 * Blocking (the default), timeout and non-blocking modes work as in Python: with
 * `settimeout(s)` a wait fails with {@link SocketTimeout} after `s` seconds; with
 * `setblocking(false)` a `recv`, `accept` or `send` that would wait fails with
 * {@link BlockingIOError} at once (use {@link select}). Nothing is lost when a wait is
 * interrupted: bytes that arrive later are there for the next `recv`.
 *
 * Bad arguments and wrong states (a port out of range, `recv(-1)`, any call on a closed
 * socket, `listen()` before `bind()`) throw synchronously.
 *
 * @example
 * ```ts
 * import { AF_INET, SOCK_STREAM, socket } from '@strand/net'
 *
 * using s = socket(AF_INET, SOCK_STREAM) // closed when the block ends
 * await s.connect(['127.0.0.1', 8080])
 * await s.sendall('GET / HTTP/1.0\r\n\r\n')
 * const reply = await s.recv(4096) // up to 4096 bytes; empty at end of stream
 * ```
 */
export class Socket implements Disposable, AsyncDisposable {
  /** `AF_INET`, `AF_INET6` or `AF_UNIX`. */
  readonly family: number
  /** Always `SOCK_STREAM`. */
  readonly type: number = SOCK_STREAM
  #timeout: number | null = getdefaulttimeout()
  #closed = false
  #stream: StreamSide | null = null
  #listen: ListenSide<Socket> | null = null

  static {
    setAccess({ side: (s) => s.#stream ?? s.#listen, stream: (s) => s.#stream })
  }

  /** Prefer {@link socket}`(family, type)`, Python's spelling. */
  constructor(family: number = AF_INET, type: number = SOCK_STREAM) {
    this.family = checkFamilyAndType(family, type)
  }

  /** True once {@link Socket.close} was called. */
  get closed(): boolean {
    return this.#closed
  }

  /**
   * Binds to `addr` — `[host, port]` (port 0: any free one, read it back with
   * {@link Socket.getsockname}) or, for `AF_UNIX`, a path — ready for `listen()`.
   * Node binds and listens in one step, so connections made before `listen()` are
   * queued for `accept()` rather than refused.
   * @throws TypeError/RangeError for a bad address; SocketError when bound or connected already.
   * Rejects with a SocketError (`EADDRINUSE`, …) when the OS refuses.
   */
  bind(addr: Address | string): Promise<void> {
    this.#check('bind()')
    if (this.#stream !== null || this.#listen !== null) {
      throw stateError('bind() on a socket that is bound or connected already (EINVAL)', 'EINVAL')
    }
    const target = checkAddress('addr', addr, this.family, true)
    const side = new ListenSide<Socket>(target, (sock) => this.#wrapAccepted(sock))
    this.#listen = side
    return side.bind(null).then(undefined, (err: unknown) => {
      if (this.#listen === side) {
        side.close()
        this.#listen = null
      }
      throw err
    })
  }

  /**
   * Starts handing connections to `accept()`. `backlog` is checked but the kernel's
   * backlog was fixed by `bind()` (Node's default, 511).
   * @throws SocketError before `bind()` has finished, or on a connected socket.
   */
  listen(backlog?: number): void {
    this.#check('listen()')
    checkCount('backlog', backlog, 0)
    const l = this.#listen
    if (l === null || !l.bound) {
      throw stateError(
        `listen() before bind() (EINVAL): ${l === null ? 'call' : 'await'} bind([host, port]) first`,
        'EINVAL',
      )
    }
    l.listening = true
  }

  /**
   * Waits for a connection and returns it with the peer's address (`['', 0]`… for a Unix
   * socket, `[path-or-'', 0]`). Connections are handed out first come, first served.
   * @throws SocketError before `listen()`. Rejects with BlockingIOError (non-blocking,
   * none waiting) or SocketTimeout (after `settimeout`).
   */
  accept(): Promise<[Socket, Address]> {
    this.#check('accept()')
    const l = this.#listen
    if (l === null || !l.listening) {
      throw stateError('accept() before listen() (EINVAL): bind() and listen() first', 'EINVAL')
    }
    return l.accept(this.#timeout).then(acceptedPair)
  }

  /**
   * Connects to `addr` (`[host, port]`, or a path for `AF_UNIX`). A kill, a Timeout or the
   * socket's timeout abandons the attempt (the socket can connect again). Non-blocking:
   * starts connecting and rejects with BlockingIOError (`EINPROGRESS`); `select` it for
   * writing to learn when it is connected.
   * @throws TypeError/RangeError for a bad address; SocketError when connected or bound already.
   * Rejects with ConnectionRefusedError, SocketTimeout or another SocketError.
   */
  connect(addr: Address | string): Promise<void> {
    this.#check('connect()')
    if (this.#listen !== null) throw stateError('connect() on a bound socket (EINVAL)', 'EINVAL')
    if (this.#stream !== null) {
      const errno = this.#stream.connected ? 'EISCONN' : 'EALREADY'
      throw stateError(`connect() on a socket that is connected or connecting (${errno})`, errno)
    }
    const target = checkAddress('addr', addr, this.family, false)
    const name = formatTarget(target)
    const sock = new NodeSocketClass({ allowHalfOpen: true })
    const side = new StreamSide(sock, false, name)
    this.#stream = side
    if (target.path !== undefined) sock.connect({ path: target.path })
    else sock.connect({ host: target.host, port: target.port, family: this.#ipFamily() })
    if (this.#timeout === 0)
      return Promise.reject(new BlockingIOError('connect()', name, 'EINPROGRESS'))
    return side.waitWritable(CONNECT, this.#timeout).then(undefined, (err: unknown) => {
      if (this.#stream === side) {
        side.abort()
        this.#stream = null
      }
      throw err
    })
  }

  /**
   * Receives up to `n` bytes: what is buffered at once, else waits for data. An empty
   * Buffer means the peer closed its end. A reset surfaces once as ConnectionResetError.
   * @throws RangeError/TypeError for a bad `n`; SocketError on a closed, unconnected or listening socket.
   */
  recv(n: number): Promise<Buffer> {
    const side = this.#stream
    if (side === null || this.#closed) this.#streamOrThrow('recv()')
    return (side as StreamSide).recv(checkBufsize(n), this.#timeout)
  }

  /**
   * Sends `data` (bytes, or a string as UTF-8) and resolves to the bytes accepted —
   * always all of them: Node queues what the kernel cannot take yet. Waits first while
   * the socket is above its high-water mark (back-pressure; BlockingIOError when non-blocking).
   * @throws TypeError for bad data; SocketError on a closed or unconnected socket.
   */
  send(data: Uint8Array | string): Promise<number> {
    const side = this.#streamOrThrow('send()')
    checkData(data)
    if (byteLength(data) === 0) return RESOLVED_ZERO
    return side.send(data, this.#timeout)
  }

  /**
   * Sends all of `data`, then waits until Node's buffer for this socket has drained below
   * its high-water mark ('drain'), so a fast writer is held back by a slow reader. On
   * timeout or kill, what was written stays queued and is still sent.
   * @throws TypeError for bad data; SocketError on a closed or unconnected socket.
   */
  sendall(data: Uint8Array | string): Promise<void> {
    const side = this.#streamOrThrow('sendall()')
    checkData(data)
    if (byteLength(data) === 0) return RESOLVED
    return side.sendall(data, this.#timeout)
  }

  /**
   * Shuts down receiving (`SHUT_RD`: recv returns end of stream), sending (`SHUT_WR`:
   * the peer reads end of stream once what you sent is flushed) or both (`SHUT_RDWR`).
   * @throws RangeError for a bad `how`; SocketError on a closed or unconnected socket.
   */
  shutdown(how: number): void {
    const side = this.#streamOrThrow('shutdown()')
    checkHow(how)
    if (how !== SHUT_WR) side.shutRead()
    if (how !== SHUT_RD && !side.writeShut) side.shutWrite()
  }

  /**
   * Closes the socket: greenlets waiting on it fail with a SocketError (`EBADF`), what
   * you sent is still flushed to the peer, then the handle is released. Idempotent.
   */
  close(): void {
    if (this.#closed) return
    this.#closed = true
    this.#stream?.close()
    this.#listen?.close()
  }

  /** `close()`: `using s = socket()`. */
  [Symbol.dispose](): void {
    this.close()
  }

  /** `close()`, then waits until Node has released the handle: `await using s = socket()`. */
  [Symbol.asyncDispose](): Promise<void> {
    this.close()
    return (this.#stream ?? this.#listen)?.waitReleased() ?? RESOLVED
  }

  /** Non-blocking (`false`, as `settimeout(0)`) or blocking without limit (`true`, as `settimeout(null)`). */
  setblocking(flag: boolean): void {
    this.#timeout = flag ? null : 0
  }

  /** False in non-blocking mode (timeout 0). */
  getblocking(): boolean {
    return this.#timeout !== 0
  }

  /**
   * Limits every later wait of this socket (connect, recv, accept, send waiting for
   * drain) to `seconds`; `null` waits without limit, `0` is non-blocking.
   * @throws TypeError/RangeError for a value that is not null or seconds from 0 up.
   */
  settimeout(seconds: number | null): void {
    this.#timeout = checkSeconds('seconds', seconds)
  }

  /** The timeout in seconds, `0` when non-blocking, `null` when blocking without limit. */
  gettimeout(): number | null {
    return this.#timeout
  }

  /** This end's address: `[host, port]` (`[path, 0]` for a Unix socket). @throws SocketError when closed. */
  getsockname(): Address {
    this.#check('getsockname()')
    if (this.#listen !== null) return this.#listen.address()
    const s = this.#stream?.sock
    if (s === undefined)
      return this.family === AF_UNIX ? ['', 0] : [this.family === AF_INET6 ? '::' : '0.0.0.0', 0]
    return s.localAddress !== undefined ? [s.localAddress, s.localPort ?? 0] : ['', 0]
  }

  /** The peer's address. @throws SocketError when closed or not connected (`ENOTCONN`). */
  getpeername(): Address {
    const side = this.#streamOrThrow('getpeername()')
    const s = side.sock
    if (s.remoteAddress !== undefined) return [s.remoteAddress, s.remotePort ?? 0]
    return [this.family === AF_UNIX && !side.accepted ? side.where() : '', 0]
  }

  /**
   * A buffered reader/writer on this socket (Python's `makefile('rb')`): `readline()`,
   * `read(n)`, and `for await (const line of file)`. Bytes it has buffered are no longer
   * seen by `recv()`; closing it does not close the socket.
   * @throws SocketError on a closed socket.
   */
  makefile(mode = 'rb'): SocketFile {
    this.#check('makefile()')
    return new SocketFile(this, mode)
  }

  toString(): string {
    return `<${this.#describe()}>`
  }

  /** `Socket(AF_INET, connected to 127.0.0.1:8080)` in console.log and util.inspect. */
  [inspect.custom](): string {
    return this.#describe()
  }

  #describe(): string {
    const family = familyName(this.family)
    if (this.#closed) return `Socket(${family}, closed)`
    const l = this.#listen
    if (l !== null) {
      const state = l.listening ? 'listening on' : 'bound to'
      const [host, port] = l.address()
      const where = l.target.path ?? formatHostPort(host, port)
      return `Socket(${family}, ${state} ${where}, ${waitingCount(l.backlog, 'connection')})`
    }
    const st = this.#stream
    if (st === null) return `Socket(${family}, new)`
    return `Socket(${family}, ${st.connected ? 'connected to' : 'connecting to'} ${st.where()})`
  }

  #check(operation: string): void {
    if (this.#closed) throw closedError(operation, this.#stream?.where() ?? this.#listen?.name)
  }

  #streamOrThrow(operation: string): StreamSide {
    this.#check(operation)
    if (this.#stream !== null) return this.#stream
    throw stateError(
      this.#listen !== null
        ? `${operation} on a listening socket (ENOTCONN): accept() a connection and use that`
        : `${operation} on a socket that is not connected (ENOTCONN): await connect() first`,
      'ENOTCONN',
    )
  }

  #ipFamily(): 4 | 6 {
    return this.family === AF_INET6 ? 6 : 4
  }

  #wrapAccepted(sock: NodeSocket): Socket {
    const s = new Socket(this.family, SOCK_STREAM)
    const side = new StreamSide(sock, true, null)
    side.accepted = true
    s.#stream = side
    return s
  }
}

function acceptedPair(s: Socket): [Socket, Address] {
  ;(access.stream(s) as StreamSide).start()
  return [s, s.getpeername()]
}

/**
 * A new socket (Python's `socket.socket(family, type)`): `AF_INET` (default), `AF_INET6`
 * or `AF_UNIX`, and `SOCK_STREAM`.
 * @throws RangeError for another family or type (datagram sockets are not offered).
 * @example
 * ```ts
 * import { socket } from '@strand/net'
 *
 * const server = socket()
 * await server.bind(['127.0.0.1', 0])
 * server.listen()
 * server.getsockname() // => ['127.0.0.1', 43817]
 * ```
 */
export function socket(family: number = AF_INET, type: number = SOCK_STREAM): Socket {
  return new Socket(family, type)
}

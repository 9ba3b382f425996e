import { inspect } from 'node:util'
import { Greenlet, getCurrent, getHub, killAll, sleep } from '@strand/core'
import {
  checkFunction,
  checkOptions,
  checkSeconds,
  type DeathObserver,
  describe,
  observeDeath,
  unobserveDeath,
  WaitList,
  type WaitOwner,
} from '@strand/core/internal'
import { Pool } from '@strand/pool'
import type { Address } from './address.js'
import { AF_INET, AF_INET6, AF_UNIX } from './constants.js'
import { SocketError } from './errors.js'
import { checkAddress, formatHostPort, type Target } from './internal/address.js'
import { stateError } from './internal/node-errors.js'
import { Socket } from './socket.js'

/**
 * A connection handler: runs in its own greenlet; the socket is closed when it ends.
 * @example
 * ```ts
 * import type { Handler } from '@strand/net'
 *
 * const hello: Handler = (sock, [host, port]) => sock.sendall(`hello ${host}:${port}\n`)
 * ```
 */
export type Handler = (sock: Socket, address: Address) => unknown

/**
 * Options of {@link StreamServer}.
 * @example
 * ```ts
 * new StreamServer(['0.0.0.0', 8080], handle, { pool: 100 })
 * ```
 */
export interface StreamServerOptions {
  /**
   * Run at most this many handlers at once (or in this {@link Pool}): further
   * connections wait, accepted but unread, until a handler ends. Default: no limit.
   */
  pool?: number | Pool | undefined
  /** Checked like `listen(backlog)`; only with an address (not with a listening socket). */
  backlog?: number | undefined
}

const WAIT_OWNER: WaitOwner = { onTimeout: (w) => getHub().wake(w, false) }
const MIN_DELAY = 0.01
const MAX_DELAY = 1
/** How long `stop()` lets handlers finish before it kills them (gevent's `stop_timeout`). */
const STOP_TIMEOUT = 1

function runHandler(handle: Handler, sock: Socket, addr: Address): unknown {
  return handle(sock, addr)
}

/**
 * A TCP (or Unix socket) server that runs `handle(sock, address)` in a new greenlet for
 * every connection (gevent's `StreamServer`). The connection is closed when its handler
 * returns, fails or is killed. A handler that fails is reported once through the hub's
 * error handler (`getHub().handleError`), and the server goes on serving.
 *
 * With `pool`, at most that many handlers run at once; the accept loop waits for a free
 * slot, and connections that arrive meanwhile wait (none is dropped). `stop()` stops
 * accepting, gives running handlers `timeout` seconds to end, then kills the rest.
 *
 * @throws TypeError/RangeError (synchronously) for a bad address, handler or options.
 * @example
 * ```ts
 * import { StreamServer } from '@strand/net'
 *
 * const server = new StreamServer(['127.0.0.1', 0], async (sock) => {
 *   for (let data = await sock.recv(4096); data.length > 0; data = await sock.recv(4096)) {
 *     await sock.sendall(data.toString().toUpperCase())
 *   }
 * })
 * await server.start()
 * console.log(server.address) // => ['127.0.0.1', 41953]
 * await server.stop()
 * ```
 */
export class StreamServer implements AsyncDisposable {
  readonly #target: Target | null
  readonly #family: number
  readonly #handle: Handler
  readonly #pool: Pool | null
  readonly #backlog: number | undefined
  #listener: Socket | null
  #loop: Greenlet | null = null
  #started = false
  readonly #handlers = new Map<Greenlet, Socket>()
  readonly #observer: DeathObserver = { notify: (g) => this.#handlerDied(g) }
  readonly #emptyWaiters = new WaitList()
  readonly #stopWaiters = new WaitList()

  constructor(listener: Address | string | Socket, handle: Handler, opts?: StreamServerOptions) {
    checkFunction('handle', handle)
    checkOptions('opts', opts)
    this.#handle = handle
    const pool = opts?.pool
    this.#pool = pool === undefined ? null : pool instanceof Pool ? pool : new Pool(pool)
    if (listener instanceof Socket) {
      if (opts?.backlog !== undefined) {
        throw new TypeError('Expected no `backlog` with a listening socket: it already has one')
      }
      this.#listener = listener
      this.#target = null
      this.#family = listener.family
    } else {
      this.#target = checkAddress('listener', listener, null, true)
      this.#family =
        this.#target.path !== undefined
          ? AF_UNIX
          : this.#target.host.includes(':')
            ? AF_INET6
            : AF_INET
      this.#listener = null
    }
    if (opts?.backlog !== undefined && !(Number.isInteger(opts.backlog) && opts.backlog >= 0)) {
      throw new RangeError(
        `Expected \`backlog\` to be an integer from 0 and up, got ${describe(opts.backlog)}`,
      )
    }
    this.#backlog = opts?.backlog
  }

  /** True between `start()` and `stop()`/`close()`. */
  get started(): boolean {
    return this.#started
  }

  /** True when it has no listening socket (before `start()` with an address, after `stop()`). */
  get closed(): boolean {
    return this.#listener === null || this.#listener.closed
  }

  /** Where it listens: the real port after `start()` (port 0 picks a free one), `[path, 0]` for a Unix socket. */
  get address(): Address {
    if (this.#listener !== null && !this.#listener.closed) return this.#listener.getsockname()
    const t = this.#target
    return t === null ? ['', 0] : t.path !== undefined ? [t.path, 0] : [t.host, t.port]
  }

  /** Handlers running now. */
  get connections(): number {
    return this.#handlers.size
  }

  /**
   * Binds and listens (given an address), then accepts connections in a greenlet of its
   * own. Resolves once it listens. A stopped server given an address can start again.
   * @throws SocketError when started already, or when its listening socket was closed.
   * Rejects with a SocketError (`EADDRINUSE`, …) when it cannot bind.
   */
  async start(): Promise<void> {
    if (this.#started)
      throw stateError('StreamServer.start() on a server that is running', 'EINVAL')
    let listener = this.#listener
    if (listener === null || (listener.closed && this.#target !== null)) {
      listener = new Socket(this.#family)
      this.#listener = listener
      try {
        await listener.bind(this.#target?.path ?? [this.#target!.host!, this.#target!.port!])
      } catch (err) {
        listener.close()
        throw err
      }
      listener.listen(this.#backlog)
    } else if (listener.closed) {
      throw stateError('StreamServer.start() after stop(): its listening socket is closed', 'EBADF')
    } else {
      listener.listen(this.#backlog)
    }
    this.#started = true
    this.#loop = new Greenlet(() => this.#acceptLoop(listener))
    this.#loop.name = 'StreamServer.accept'
    this.#loop.start()
  }

  /**
   * Starts (unless started) and waits until the server is stopped. If you are killed
   * while you wait, the server stops (with the default timeout) before you die.
   */
  async serveForever(): Promise<void> {
    if (!this.#started) await this.start()
    let stopped = false
    try {
      await getHub().wait(WAIT_OWNER, this.#stopWaiters, null, 'StreamServer.serveForever')
      stopped = true
    } finally {
      if (!stopped && this.#started) await this.stop()
    }
  }

  /**
   * Stops accepting and closes the listening socket, lets running handlers finish for
   * `timeout` seconds (default 1; `null` waits for them), then kills the rest and waits
   * until they are dead. Their connections are closed as they end.
   * @throws TypeError/RangeError for a bad `timeout`.
   */
  async stop(opts?: { timeout?: number | null }): Promise<void> {
    checkOptions('opts', opts)
    const timeout =
      opts?.timeout === undefined ? STOP_TIMEOUT : checkSeconds('timeout', opts.timeout)
    this.close()
    if (this.#handlers.size > 0 && timeout !== 0) {
      await getHub().wait(WAIT_OWNER, this.#emptyWaiters, timeout, 'StreamServer.stop')
    }
    if (this.#handlers.size > 0) await killAll([...this.#handlers.keys()])
  }

  /** Stops accepting and closes the listening socket; running handlers go on. */
  close(): void {
    this.#started = false
    const loop = this.#loop
    this.#loop = null
    if (loop !== null && loop !== getCurrent()) void loop.kill()
    this.#listener?.close()
    getHub().wakeAll(this.#stopWaiters)
  }

  /** `StreamServer(127.0.0.1:8080, started, 3 connections)` in console.log and util.inspect. */
  [inspect.custom](): string {
    const [host, port] = this.address
    const where = port === 0 && this.#target?.path !== undefined ? host : formatHostPort(host, port)
    const n = this.#handlers.size
    return `StreamServer(${where}, ${this.#started ? 'started' : 'stopped'}, ${n} connection${n === 1 ? '' : 's'})`
  }

  /** `await using server = new StreamServer(…)` stops it. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.stop()
  }

  async #acceptLoop(listener: Socket): Promise<void> {
    let delay = MIN_DELAY
    for (;;) {
      let conn: [Socket, Address]
      try {
        conn = await listener.accept()
      } catch (err) {
        if (listener.closed) return // stop(), close(), or whoever owns the socket closed it
        if (!(err instanceof SocketError)) throw err
        getHub().handleError(err, getCurrent()) // e.g. EMFILE: back off, as gevent does
        await sleep(delay)
        delay = Math.min(delay * 2, MAX_DELAY)
        continue
      }
      delay = MIN_DELAY
      const g = new Greenlet(runHandler, this.#handle, conn[0], conn[1])
      this.#handlers.set(g, conn[0])
      observeDeath(g, this.#observer)
      if (this.#pool === null) {
        g.start()
        continue
      }
      try {
        await this.#pool.start(g) // a full pool holds the accept loop back (gevent's spawn=Pool)
      } catch (err) {
        // killed while waiting for a slot (stop()): the handler never runs
        unobserveDeath(g, this.#observer)
        this.#handlerDied(g)
        throw err
      }
    }
  }

  #handlerDied(g: Greenlet): void {
    const sock = this.#handlers.get(g)
    if (sock === undefined) return
    this.#handlers.delete(g)
    sock.close()
    if (this.#handlers.size === 0) getHub().wakeAll(this.#emptyWaiters, true)
  }
}

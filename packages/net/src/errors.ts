import { StrandError } from '@strand/core'

/**
 * What every socket error carries besides its message.
 * @example
 * ```ts
 * new SocketError('bind() failed', { errno: 'EACCES', address: '0.0.0.0:80' })
 * ```
 */
export interface SocketErrorOptions {
  /** The OS error name, as Node reports it: `ECONNRESET`, `EADDRINUSE`, `EBADF`, … */
  errno?: string | undefined
  /** The address involved, as text: `127.0.0.1:8080`, `[::1]:80` or a Unix socket path. */
  address?: string | undefined
  /** The Node error behind it, if any. */
  cause?: unknown
}

/**
 * The base of every socket error (Python's `OSError` for sockets, `socket.error`):
 * catch it to handle any of them. `errno` is the OS error name (a string such as
 * `ECONNRESET`, where Python has a number), `address` the address involved.
 *
 * @example
 * ```ts
 * import { SocketError, socket } from '@strand/net'
 *
 * const s = socket()
 * s.close()
 * try {
 *   await s.recv(10)
 * } catch (err) {
 *   err instanceof SocketError // => true
 *   err.errno // => 'EBADF'
 * }
 * ```
 */
export class SocketError extends StrandError {
  /** The OS error name (`ECONNRESET`, `EBADF`, …), or undefined. */
  readonly errno: string | undefined
  /** The address involved (`127.0.0.1:8080`, a Unix socket path), or undefined. */
  readonly address: string | undefined

  constructor(message: string, opts?: SocketErrorOptions, code = 'ERR_SOCKET') {
    super(code, message, opts?.cause === undefined ? undefined : { cause: opts.cause })
    this.errno = opts?.errno
    this.address = opts?.address
  }
}

/**
 * Raised in non-blocking mode (`setblocking(false)` or `settimeout(0)`) when `recv`,
 * `accept` or `send` would have to wait, and by `connect` that has started but not
 * finished yet (`errno` `EINPROGRESS`). Wait with {@link select}, then try again.
 *
 * @example
 * ```ts
 * import { BlockingIOError } from '@strand/net'
 *
 * sock.setblocking(false)
 * try {
 *   await sock.recv(1024)
 * } catch (err) {
 *   if (!(err instanceof BlockingIOError)) throw err
 *   // nothing has arrived yet: select([sock], [], []) and recv again
 * }
 * ```
 */
export class BlockingIOError extends SocketError {
  /** @param operation what would block, e.g. `recv()`. */
  constructor(operation: string, address?: string, errno = 'EAGAIN') {
    super(
      errno === 'EINPROGRESS'
        ? `${operation} to ${address ?? 'the address'} is in progress on a non-blocking socket; select() it for writing to learn when it is connected`
        : `${operation} would block: the socket${address ? ` (${address})` : ''} is non-blocking and nothing is ready; select() it first, or use setblocking(true) to wait`,
      { errno, address },
      'ERR_SOCKET_WOULD_BLOCK',
    )
  }
}

/**
 * The peer reset the connection (`ECONNRESET`): it closed with data unread, crashed, or
 * its kernel refused the segment. Raised by the `recv` or `send` that meets it.
 *
 * @example
 * ```ts
 * import { ConnectionResetError } from '@strand/net'
 *
 * new ConnectionResetError('recv()', '127.0.0.1:8080').errno // => 'ECONNRESET'
 * ```
 */
export class ConnectionResetError extends SocketError {
  constructor(operation: string, address: string | undefined, cause?: unknown) {
    super(
      `${operation} failed: the peer${address ? ` ${address}` : ''} reset the connection (ECONNRESET); reconnect if you need to go on`,
      { errno: 'ECONNRESET', address, cause },
      'ERR_SOCKET_CONNECTION_RESET',
    )
  }
}

/**
 * Nothing accepts connections at the address (`ECONNREFUSED`): no server listens on
 * that port, or it was stopped.
 *
 * @example
 * ```ts
 * import { ConnectionRefusedError, createConnection } from '@strand/net'
 *
 * try {
 *   await createConnection(['127.0.0.1', 1])
 * } catch (err) {
 *   err instanceof ConnectionRefusedError // => true
 *   console.log(err.message)
 *   // => connect() to 127.0.0.1:1 was refused (ECONNREFUSED): nothing listens there; start the server or check the port
 * }
 * ```
 */
export class ConnectionRefusedError extends SocketError {
  constructor(address: string | undefined, cause?: unknown) {
    super(
      `connect() to ${address ?? 'the address'} was refused (ECONNREFUSED): nothing listens there; start the server or check the port`,
      { errno: 'ECONNREFUSED', address, cause },
      'ERR_SOCKET_CONNECTION_REFUSED',
    )
  }
}

/**
 * Writing is impossible (`EPIPE`): you shut the socket down for writing, or the peer
 * has closed its end.
 *
 * @example
 * ```ts
 * import { BrokenPipeError, SHUT_WR } from '@strand/net'
 *
 * sock.shutdown(SHUT_WR)
 * await sock.send('late') // rejects with BrokenPipeError
 * ```
 */
export class BrokenPipeError extends SocketError {
  constructor(operation: string, address: string | undefined, why: string, cause?: unknown) {
    super(
      `${operation} failed (EPIPE): ${why}${address ? ` (${address})` : ''}`,
      { errno: 'EPIPE', address, cause },
      'ERR_SOCKET_BROKEN_PIPE',
    )
  }
}

/**
 * A socket operation did not finish within the socket's timeout (`settimeout`, or the
 * `timeout` of {@link createConnection}): Python's `socket.timeout` (`TimeoutError`).
 * Nothing is lost: data that arrives later is there for the next `recv`.
 *
 * @example
 * ```ts
 * import { SocketTimeout } from '@strand/net'
 *
 * sock.settimeout(0.1)
 * try {
 *   await sock.recv(1024)
 * } catch (err) {
 *   err instanceof SocketTimeout // => true
 *   err.seconds // => 0.1
 * }
 * ```
 */
export class SocketTimeout extends SocketError {
  /** The timeout that expired, in seconds (null when the OS timed out). */
  readonly seconds: number | null

  constructor(operation: string, seconds: number | null, address?: string, cause?: unknown) {
    const after =
      seconds === null ? '' : ` after ${seconds === 1 ? '1 second' : `${seconds} seconds`}`
    super(
      `${operation}${address ? ` on ${address}` : ''} timed out${after}; use a longer settimeout(), or settimeout(null) to wait without limit`,
      { errno: 'ETIMEDOUT', address, cause },
      'ERR_SOCKET_TIMEOUT',
    )
    this.seconds = seconds
  }
}

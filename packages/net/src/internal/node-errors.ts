import {
  BrokenPipeError,
  ConnectionRefusedError,
  ConnectionResetError,
  SocketError,
  SocketTimeout,
} from '../errors.js'

/**
 * Turns an error Node emitted on a socket or server into the matching socket error,
 * naming the operation and the address (`connect()`, `127.0.0.1:8080`).
 */
export function fromNodeError(err: unknown, operation: string, address: string): SocketError {
  if (err instanceof SocketError) return err
  const errno = (err as { code?: unknown } | null)?.code
  switch (errno) {
    case 'ECONNREFUSED':
      return new ConnectionRefusedError(address, err)
    case 'ECONNRESET':
      return new ConnectionResetError(operation, address, err)
    case 'EPIPE':
      return new BrokenPipeError(operation, address, 'the peer has closed its end', err)
    case 'ETIMEDOUT':
      return new SocketTimeout(operation, null, address, err)
    case 'EADDRINUSE':
      return new SocketError(
        `${operation} failed: ${address} is already in use (EADDRINUSE); stop what listens there, or bind port 0 for a free one`,
        { errno, address, cause: err },
      )
    case 'EADDRNOTAVAIL':
      return new SocketError(
        `${operation} failed: ${address} is not an address of this machine (EADDRNOTAVAIL)`,
        { errno, address, cause: err },
      )
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new SocketError(
        `${operation} failed: the host of ${address} could not be resolved (${errno})`,
        { errno, address, cause: err },
      )
    default: {
      const message = err instanceof Error ? err.message : String(err)
      return new SocketError(`${operation} on ${address} failed: ${message}`, {
        errno: typeof errno === 'string' ? errno : undefined,
        address,
        cause: err,
      })
    }
  }
}

/** The error of every operation on a closed socket (Python: `EBADF`). */
export function closedError(operation: string, address: string | undefined): SocketError {
  return new SocketError(
    `${operation} on a closed socket${address ? ` (${address})` : ''} (EBADF); create a new socket`,
    { errno: 'EBADF', address },
    'ERR_SOCKET_CLOSED',
  )
}

/** A waiting operation whose socket another greenlet closed. */
export function closedWhileWaiting(operation: string, address: string | undefined): SocketError {
  return new SocketError(
    `${operation} failed: the socket${address ? ` (${address})` : ''} was closed while it waited (EBADF)`,
    { errno: 'EBADF', address },
    'ERR_SOCKET_CLOSED',
  )
}

/** Misuse of a socket's state: recv on a listener, listen before bind, … */
export function stateError(message: string, errno: string, address?: string): SocketError {
  return new SocketError(message, { errno, address }, 'ERR_SOCKET_STATE')
}

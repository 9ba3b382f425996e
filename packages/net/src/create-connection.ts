import { checkOptions, checkSeconds } from '@strand/core/internal'
import type { Address } from './address.js'
import { AF_INET, AF_INET6, AF_UNIX } from './constants.js'
import { getdefaulttimeout } from './default-timeout.js'
import { Socket } from './socket.js'

/**
 * Options of {@link createConnection}.
 * @example
 * ```ts
 * await createConnection(['127.0.0.1', 8080], { timeout: 5 })
 * ```
 */
export interface CreateConnectionOptions {
  /**
   * Seconds for the connect and, afterwards, every wait of the socket (it becomes the
   * socket's `settimeout`); `null` for no limit. Default: {@link getdefaulttimeout}.
   */
  timeout?: number | null | undefined
}

/**
 * Connects to `addr` — `[host, port]` or a Unix socket path — and resolves to the
 * connected {@link Socket} (Python's `socket.create_connection`). The family follows the
 * address: a path is `AF_UNIX`, a host with `:` is IPv6. If the connect fails, times out
 * or is interrupted, the socket is closed before the error reaches you.
 * @throws TypeError/RangeError for a bad address or options. Rejects with
 * ConnectionRefusedError, SocketTimeout or another SocketError.
 * @example
 * ```ts
 * import { createConnection } from '@strand/net'
 *
 * await using conn = await createConnection(['127.0.0.1', 8080], { timeout: 5 })
 * await conn.sendall('ping\n')
 * console.log((await conn.recv(1024)).toString())
 * ```
 */
export function createConnection(
  addr: Address | string,
  opts?: CreateConnectionOptions,
): Promise<Socket> {
  checkOptions('opts', opts)
  const timeout =
    opts?.timeout === undefined ? getdefaulttimeout() : checkSeconds('timeout', opts.timeout)
  const family =
    typeof addr === 'string'
      ? AF_UNIX
      : Array.isArray(addr) && typeof addr[0] === 'string' && addr[0].includes(':')
        ? AF_INET6
        : AF_INET
  const sock = new Socket(family)
  sock.settimeout(timeout)
  let connecting: Promise<void>
  try {
    connecting = sock.connect(addr)
  } catch (err) {
    sock.close()
    throw err
  }
  return connecting.then(
    () => sock,
    (err: unknown) => {
      sock.close()
      throw err
    },
  )
}

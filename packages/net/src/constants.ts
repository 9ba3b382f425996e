/**
 * Address families and socket types for {@link socket}, and `how` values for
 * `Socket.shutdown`, with Python's names and Linux's values.
 *
 * @example
 * ```ts
 * import { AF_INET6, SHUT_WR, SOCK_STREAM, socket } from '@strand/net'
 *
 * const s = socket(AF_INET6, SOCK_STREAM)
 * await s.connect(['::1', 8080])
 * s.shutdown(SHUT_WR) // no more sending; recv() goes on
 * ```
 * @module
 */

/** IPv4 addresses: `['127.0.0.1', 8080]`. */
export const AF_INET = 2
/** IPv6 addresses: `['::1', 8080]`. */
export const AF_INET6 = 10
/** Unix domain sockets: a filesystem path. */
export const AF_UNIX = 1
/** A byte stream (TCP, or a Unix stream socket): the only type this package offers. */
export const SOCK_STREAM = 1

/** `shutdown(SHUT_RD)`: no more receiving. */
export const SHUT_RD = 0
/** `shutdown(SHUT_WR)`: no more sending; the peer reads end of stream. */
export const SHUT_WR = 1
/** `shutdown(SHUT_RDWR)`: both. */
export const SHUT_RDWR = 2

/**
 * Python-style green sockets for Strand greenlets over `node:net` (gevent's
 * `gevent.socket`, `gevent.select` and `gevent.server`): every wait is cooperative, so
 * `kill()` and `Timeout` interrupt it, and `settimeout` limits it.
 * @module
 */

export type { Address } from './address.js'
export {
  AF_INET,
  AF_INET6,
  AF_UNIX,
  SHUT_RD,
  SHUT_RDWR,
  SHUT_WR,
  SOCK_STREAM,
} from './constants.js'
export { type CreateConnectionOptions, createConnection } from './create-connection.js'
export { getdefaulttimeout, setdefaulttimeout } from './default-timeout.js'
export {
  BlockingIOError,
  BrokenPipeError,
  ConnectionRefusedError,
  ConnectionResetError,
  SocketError,
  type SocketErrorOptions,
  SocketTimeout,
} from './errors.js'
export { type SelectResult, select } from './select.js'
export { Socket, socket } from './socket.js'
export { SocketFile } from './socket-file.js'
export { type Handler, StreamServer, type StreamServerOptions } from './stream-server.js'

/**
 * `strand/net`: Python-style green sockets, `select`, `createConnection` and
 * `StreamServer` (everything of `@strand/net`). A subpath, so `import … from 'strand'`
 * does not load `node:net`.
 * @module
 */

export {
  type Address,
  AF_INET,
  AF_INET6,
  AF_UNIX,
  BlockingIOError,
  BrokenPipeError,
  ConnectionRefusedError,
  ConnectionResetError,
  type CreateConnectionOptions,
  createConnection,
  getdefaulttimeout,
  type Handler,
  type SelectResult,
  SHUT_RD,
  SHUT_RDWR,
  SHUT_WR,
  SOCK_STREAM,
  Socket,
  SocketError,
  type SocketErrorOptions,
  SocketFile,
  SocketTimeout,
  StreamServer,
  type StreamServerOptions,
  select,
  setdefaulttimeout,
  socket,
} from '@strand/net'

import type { Log } from '@strand/demo-kit'
import { type Address, type Socket, StreamServer } from 'strand/net'

/** What {@link startUpperServer} returns: the server, and how many clients it served. */
export interface UpperServer {
  server: StreamServer
  /** Connections handled to their end so far. */
  readonly served: number
  /** The most connections that were open at once. */
  readonly mostAtOnce: number
}

/**
 * The document's socket server: a StreamServer that runs `handle_conn` in a greenlet of
 * its own for every connection, and sends back in upper case whatever it receives until
 * the client closes. Started on `address` (127.0.0.1 and a port the system picks by
 * default); stop it with `server.stop()`.
 */
export async function startUpperServer(
  log: Log,
  address: Address = ['127.0.0.1', 0],
): Promise<UpperServer> {
  let open = 0
  const state = { served: 0, mostAtOnce: 0 }
  async function handleConn(conn: Socket, [host, port]: Address): Promise<void> {
    log(`server: client ${host}:${port} connected`)
    state.mostAtOnce = Math.max(state.mostAtOnce, ++open)
    try {
      for (;;) {
        const data = await conn.recv(1024)
        if (data.length === 0) break
        log(`server received ${JSON.stringify(data.toString())}`)
        await conn.sendall(data.toString().toUpperCase())
      }
    } finally {
      open--
      state.served++
    }
    // the StreamServer closes `conn` when this returns, fails or is killed
  }
  const server = new StreamServer(address, handleConn)
  await server.start()
  return {
    server,
    get served() {
      return state.served
    },
    get mostAtOnce() {
      return state.mostAtOnce
    },
  }
}

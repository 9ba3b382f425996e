import { type Socket, socket } from '../src/index.js'

/** A listening socket on a free loopback port. */
export async function listener(): Promise<Socket> {
  const s = socket()
  await s.bind(['127.0.0.1', 0])
  s.listen()
  return s
}

/** A connected client and its accepted end, with the listener; close() closes all three. */
export interface Pair {
  l: Socket
  client: Socket
  conn: Socket
  close(): void
}

export async function pair(): Promise<Pair> {
  const l = await listener()
  const client = socket()
  const accepting = l.accept()
  await client.connect(l.getsockname())
  const [conn] = await accepting
  return {
    l,
    client,
    conn,
    close() {
      client.close()
      conn.close()
      l.close()
    },
  }
}

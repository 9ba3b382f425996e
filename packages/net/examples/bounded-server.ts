// A bounded server: at most 2 handlers at once; the other connections wait for a slot.
import { joinAll, sleep, spawn } from '@strand/core'
import { createConnection, StreamServer } from '@strand/net'

export async function main(log: (line: string) => void = console.log): Promise<void> {
  let running = 0
  let most = 0
  const server = new StreamServer(
    ['127.0.0.1', 0],
    async (sock) => {
      most = Math.max(most, ++running)
      await sleep(0.02) // some work
      await sock.sendall('served')
      running--
    },
    { pool: 2 },
  )
  await server.start()
  const clients = [1, 2, 3, 4, 5].map(() =>
    spawn(async () => {
      await using conn = await createConnection(server.address, { timeout: 5 })
      return (await conn.recv(100)).toString()
    }),
  )
  await joinAll(clients)
  log(
    `${clients.filter((g) => g.value === 'served').length} clients served, at most ${most} at once`,
  )
  await server.stop({ timeout: 1 }) // handlers get 1 s to finish, then they are killed
}

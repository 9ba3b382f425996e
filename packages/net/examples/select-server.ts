// I/O multiplexing (seed 001's third model): one greenlet serves every client with select().

import { joinAll, spawn } from '@strand/core'
import { createConnection, type Socket, select, socket } from '@strand/net'

export async function main(log: (line: string) => void = console.log): Promise<void> {
  const listener = socket()
  await listener.bind(['127.0.0.1', 0])
  listener.listen()

  const server = spawn(async () => {
    const clients: Socket[] = []
    let served = 0
    while (served < 3) {
      const [readable] = await select([listener, ...clients], [], [], 5)
      for (const s of readable) {
        if (s === listener) {
          clients.push((await listener.accept())[0])
          continue
        }
        const data = await s.recv(1024) // ready: this does not wait
        if (data.length === 0) {
          clients.splice(clients.indexOf(s), 1)
          s.close()
          served++
        } else {
          await s.sendall(`echo: ${data}`)
        }
      }
    }
    listener.close()
  })

  const clients = ['ann', 'bob', 'cy'].map((name) =>
    spawn(async () => {
      await using conn = await createConnection(listener.getsockname(), { timeout: 5 })
      await conn.sendall(name)
      return (await conn.recv(1024)).toString()
    }),
  )
  await joinAll(clients)
  for (const g of clients) log(await g.get())
  await server.join()
}

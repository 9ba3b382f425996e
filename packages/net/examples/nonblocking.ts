// Non-blocking sockets (seed 001's second model): recv() fails with BlockingIOError instead of waiting.

import { sleep } from '@strand/core'
import { BlockingIOError, createConnection, socket } from '@strand/net'

export async function main(log: (line: string) => void = console.log): Promise<void> {
  const listener = socket()
  await listener.bind(['127.0.0.1', 0])
  listener.listen()
  const client = await createConnection(listener.getsockname())
  const [conn] = await listener.accept()

  conn.setblocking(false)
  let polls = 0
  setTimeout(() => void client.sendall('data at last'), 30)
  for (;;) {
    try {
      log(`got ${JSON.stringify((await conn.recv(1024)).toString())}`)
      break
    } catch (err) {
      if (!(err instanceof BlockingIOError)) throw err
      polls++ // nothing yet: do something else, then ask again
      await sleep(0.01)
    }
  }
  log(`asked ${polls > 1 ? 'several times' : 'once'} before it came`)
  client.close()
  conn.close()
  listener.close()
}

import { type Log, Random } from '@strand/demo-kit'
import { sleep, spawn } from 'strand'
import { socket } from 'strand/net'
import { at, listenOnLoopback } from '../internal/loopback.js'

/**
 * Blocking IO, the document's first model: the client's `recv` waits through both phases
 * (for the data to arrive, then for it to be copied). The server accepts, sleeps 2 s (as
 * in the document) and sends a random number (seeded, so the story is the same each run).
 * With Strand only the client's greenlet is blocked; in the document they are two
 * processes.
 */
export async function blockingIo(log: Log): Promise<void> {
  log('1. Blocking IO: recv() waits until the data has come and been copied')
  const listener = await listenOnLoopback()
  const server = spawn(async () => {
    const [conn] = await listener.accept()
    await sleep(2)
    const data = String(new Random(1).randint(1, 100))
    log(`server sends ${data} (after sleeping 2 s)`)
    await conn.sendall(data)
    conn.close()
    listener.close()
  })

  const start = performance.now()
  const sk = socket()
  await sk.connect(listener.getsockname())
  log(`client waiting for data, at ${at(start)}`)
  const data = (await sk.recv(1024)).toString()
  log(`client received ${data}, at ${at(start)}`)
  sk.close()
  await server.get() // its error, if it had one
}

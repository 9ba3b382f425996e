import type { Log } from '@strand/demo-kit'
import { getCurrent, joinAll, sleep, spawn } from 'strand'
import { type Socket, select, socket } from 'strand/net'
import { listenOnLoopback } from '../internal/loopback.js'

const CLIENTS = ['ann', 'bob', 'cy']

/**
 * IO multiplexing, the third model: one greenlet asks `select()` which of its sockets are
 * ready (the listener: a connection to accept; a connection: data or its end) and serves
 * only those, so it never waits on one client while another has something to say. Three
 * clients talk at once, two lines each; the order of the lines is theirs to decide.
 */
export async function multiplexingIo(log: Log): Promise<void> {
  log('3. IO multiplexing: one greenlet, select() over the listener and every connection')
  const listener = await listenOnLoopback()
  const server = spawn(async () => {
    const conns: Socket[] = []
    let served = 0
    let selects = 0
    while (served < CLIENTS.length && selects < 100) {
      selects++
      const [readable] = await select([listener, ...conns], [], [], 5)
      for (const sock of readable) {
        if (sock === listener) {
          conns.push((await listener.accept())[0])
          log(`server accepted a connection (${conns.length} open)`)
          continue
        }
        const data = await sock.recv(1024) // select said it is ready: this does not wait
        if (data.length === 0) {
          conns.splice(conns.indexOf(sock), 1)
          sock.close()
          served++
          continue
        }
        log(`server (${getCurrent().name}) read ${JSON.stringify(data.toString())}`)
        await sock.sendall(data.toString().toUpperCase())
      }
    }
    listener.close()
    log(`server: ${served} clients served by one greenlet in ~${selects} select() calls`)
  })

  const clients = CLIENTS.map((name) =>
    spawn(async () => {
      const sk = socket()
      await sk.connect(listener.getsockname())
      for (const word of ['hello', 'bye']) {
        await sk.sendall(`${name}: ${word}`)
        log(`${name} received ${(await sk.recv(1024)).toString()}`)
        await sleep(0.05)
      }
      sk.close()
    }),
  )
  await joinAll(clients, { raiseError: true })
  await server.get()
}

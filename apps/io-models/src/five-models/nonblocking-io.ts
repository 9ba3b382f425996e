import type { Log } from '@strand/demo-kit'
import { Event, sleep, spawn } from 'strand'
import { BlockingIOError, ConnectionResetError, type Socket, socket } from 'strand/net'
import { at, listenOnLoopback } from '../internal/loopback.js'

const POLL = 0.1
const PRINTED_EMPTY_POLLS = 3
const MAX_POLLS = 100 // a bound on the loop, whatever happens

/**
 * Non-blocking IO, the second model: `setblocking(false)`, then the document's polling
 * loop. `accept()` and `recv()` fail at once with BlockingIOError when there is nothing
 * yet, so the server asks again and again (sleeping 0.1 s between rounds, the document's
 * way to spare the CPU) and upper-cases what it gets. The first empty polls are printed,
 * the rest counted; the client comes along after the third, and its answer waits up to a
 * poll interval: the latency the document warns about.
 */
export async function nonblockingIo(log: Log): Promise<void> {
  log('2. Non-blocking IO: setblocking(false); accept() and recv() raise BlockingIOError')
  const listener = await listenOnLoopback()
  listener.setblocking(false)
  const clientMayCome = new Event()
  const server = spawn(async () => {
    const conns: Socket[] = []
    let polls = 0
    let empty = 0
    let served = 0
    while (polls < MAX_POLLS && (served === 0 || conns.length > 0)) {
      polls++
      let happened = false
      try {
        const [conn] = await listener.accept()
        conn.setblocking(false)
        conns.push(conn)
        happened = true
        log('server accepted a connection')
      } catch (err) {
        if (!(err instanceof BlockingIOError)) throw err
        const gone: Socket[] = []
        for (const conn of conns) {
          try {
            const data = await conn.recv(1024)
            happened = true
            if (data.length === 0) {
              gone.push(conn)
              continue
            }
            await conn.send(data.toString().toUpperCase())
            log(`server received ${data}, sent ${data.toString().toUpperCase()}`)
          } catch (err) {
            if (err instanceof ConnectionResetError) gone.push(conn)
            else if (!(err instanceof BlockingIOError)) throw err
          }
        }
        for (const conn of gone) {
          conns.splice(conns.indexOf(conn), 1)
          conn.close()
          served++
        }
      }
      if (!happened && ++empty <= PRINTED_EMPTY_POLLS) {
        log(`server poll ${polls}: nothing yet (BlockingIOError), asking again in ${POLL} s`)
        if (empty === PRINTED_EMPTY_POLLS) {
          log('(from here on the empty polls are counted, not printed)')
          clientMayCome.set()
        }
      }
      await sleep(POLL)
    }
    listener.close()
    log(`server: the client has gone; ~${polls} polls in all, ~${empty} of them found nothing`)
  })

  await clientMayCome.wait()
  const start = performance.now()
  const sk = socket()
  await sk.connect(listener.getsockname())
  await sk.sendall('hello')
  log(`client sent hello, waiting for data, at ${at(start)}`)
  const data = (await sk.recv(1024)).toString()
  log(`client received ${data}, at ${at(start)} (up to a poll interval late)`)
  sk.close()
  await server.get()
}

import type { Log } from '@strand/demo-kit'
import { AsyncResult, signalHandler, sleep, spawn } from 'strand'
import { select, socket } from 'strand/net'
import { at, listenOnLoopback } from '../internal/loopback.js'

/**
 * Signal-driven IO, the fourth model: the process asks the kernel for SIGIO when a socket
 * has data (`fcntl(F_SETOWN)` and `O_ASYNC`), goes on, and reads in the handler once told.
 * The client's socket is non-blocking, so the handler's `recv` returns what is there and
 * never waits.
 */
export async function signalDrivenIo(log: Log): Promise<void> {
  log('4. Signal-driven IO: a SIGIO handler reads when the socket has data')
  // What Node can show: a SIGIO handler (Strand runs it in a greenlet of its own) that
  // reads when told, while the program does other things. What it cannot: ask the kernel
  // to send SIGIO for a socket (Node exposes no fcntl on its handles), so a watcher
  // greenlet plays the kernel's part with select() and process.kill(); and a signal never
  // interrupts running code in Node, it is delivered between callbacks.
  const listener = await listenOnLoopback()
  const server = spawn(async () => {
    const [conn] = await listener.accept()
    await sleep(0.2)
    log('server sends "data is ready" after 0.2 s')
    await conn.sendall('data is ready')
    conn.close()
    listener.close()
  })

  const start = performance.now()
  const sk = socket()
  await sk.connect(listener.getsockname())
  sk.setblocking(false)
  const received = new AsyncResult<string>()
  // A SIGIO may come with nothing to read (signals are not queued one per event, and a
  // library may send one again: signal-exit, which listr2's terminal rows load, re-sends
  // the signals it sees), so the handler reads once and lets later ones pass.
  const handler = signalHandler('SIGIO', async () => {
    if (received.ready()) return
    log(`client's SIGIO handler runs, at ${at(start)}`)
    try {
      received.set((await sk.recv(1024)).toString())
    } catch (err) {
      received.setException(err)
    }
  })
  const kernel = spawn(async () => {
    await select([sk], [], [], 5)
    process.kill(process.pid, 'SIGIO')
  })
  try {
    log('client installed its SIGIO handler and goes on with other work')
    const data = await received.get({ timeout: 5 })
    log(`client's handler read "${data}" without waiting`)
  } finally {
    await kernel.kill()
    // A SIGIO with no handler ends the process: the handler stays a moment longer, for
    // one that is on its way.
    await sleep(0.05)
    handler.cancel()
    sk.close()
  }
  await server.get()
}

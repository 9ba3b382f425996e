import { connect } from 'node:net'
import type { Log } from '@strand/demo-kit'
import { AsyncResult, sleep, spawn } from 'strand'
import { at, listenOnLoopback } from '../internal/loopback.js'

/**
 * Asynchronous IO, the fifth model: the program hands the kernel a read and a buffer and
 * is told once the data is in that buffer; both phases (waiting, copying) happen without
 * it. Node's `onread` option is that shape: the client gives its socket a buffer and a
 * completion callback and never calls `recv`; a greenlet waits on an AsyncResult the
 * callback settles, and does other work meanwhile.
 */
export async function asynchronousIo(log: Log): Promise<void> {
  log('5. Asynchronous IO: hand over a buffer, be told when the data is in it')
  // Honest note: underneath, libuv reads sockets on readiness (epoll, then read()), so
  // this is the asynchronous model as the program sees it, not kernel completion IO
  // (io_uring, POSIX aio), which libuv uses only for some file operations.
  const listener = await listenOnLoopback()
  const server = spawn(async () => {
    const [conn] = await listener.accept()
    await sleep(0.2)
    log('server sends "your data" after 0.2 s')
    await conn.sendall('your data')
    conn.close()
    listener.close()
  })

  const start = performance.now()
  const buffer = Buffer.alloc(1024)
  const completed = new AsyncResult<string>()
  const [host, port] = listener.getsockname()
  const sk = connect({
    host,
    port,
    onread: {
      buffer,
      callback: (bytes) => {
        completed.set(`${bytes} bytes, "${buffer.subarray(0, bytes)}"`)
        return false // one read is all this client wants
      },
    },
  })
  sk.on('error', (err) => completed.setException(err))
  try {
    log('client submitted the read with its buffer and goes on with other work')
    await sleep(0.05)
    log('client: other work done, now waiting for the completion')
    const what = await completed.get({ timeout: 5 })
    log(`completion: ${what} already in the client's buffer, at ${at(start)}`)
  } finally {
    sk.destroy()
  }
  await server.get()
}

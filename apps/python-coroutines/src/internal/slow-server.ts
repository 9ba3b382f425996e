import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What the server saw of one request. */
export interface Seen {
  /** Seconds from the request to its connection closing. */
  seconds: number
  /** Whether it had sent its answer by then. */
  answered: boolean
}

/** The server of {@link serveSlowly}. */
export interface SlowServer {
  url: string
  /** Settles when the next request's connection closes. */
  nextClose(): Promise<Seen>
  close(): Promise<void>
}

/** An HTTP server on 127.0.0.1 that answers every request "late answer" after `delay` seconds. */
export async function serveSlowly(delay: number): Promise<SlowServer> {
  let seen: ((what: Seen) => void) | null = null
  const server = createServer((req, res) => {
    const start = performance.now()
    let answered = false
    req.resume()
    const timer = setTimeout(() => {
      answered = true
      res.writeHead(200, { connection: 'close' }).end('late answer')
    }, delay * 1000)
    res.on('close', () => {
      clearTimeout(timer)
      seen?.({ seconds: (performance.now() - start) / 1000, answered })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/report`,
    nextClose: () => new Promise((resolve) => (seen = resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

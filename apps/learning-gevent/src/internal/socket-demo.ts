import { once } from 'node:events'
import { connect, createServer, type Server } from 'node:net'

/**
 * A client library written for Node's own sockets (`node:net`, `events.once`): no signal,
 * no greenlet in sight, as third-party code is. It asks for a quote and returns the answer.
 */
export async function fetchQuote(port: number): Promise<string> {
  const sock = connect(port, '127.0.0.1')
  await once(sock, 'connect')
  sock.write('a quote, please\n')
  const [data] = await once(sock, 'data')
  sock.end()
  return String(data)
}

/** The quote server of {@link serveQuotes}. */
export interface QuoteServer {
  port: number
  /** Settles when a client's connection closes: seconds after it connected, and whether it had its answer. */
  nextClose(): Promise<{ seconds: number; answered: boolean }>
  close(): Promise<void>
}

/** A server on 127.0.0.1 that answers every client after `delay` seconds. */
export async function serveQuotes(delay: number): Promise<QuoteServer> {
  let closed: ((info: { seconds: number; answered: boolean }) => void) | null = null
  const server: Server = createServer((sock) => {
    const start = performance.now()
    let answered = false
    sock.resume() // read what the client says, so that its end is seen
    const timer = setTimeout(() => {
      answered = true
      sock.end(`"Talk is cheap. Show me the code." (after ${delay} s)`)
    }, delay * 1000)
    sock.on('error', () => {}) // a client that is cut off resets the connection
    sock.on('close', () => {
      clearTimeout(timer)
      closed?.({ seconds: (performance.now() - start) / 1000, answered })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as { port: number }).port,
    nextClose: () => new Promise((resolve) => (closed = resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** How many TCP sockets are open in this process (`process.getActiveResourcesInfo()`). */
export function openSockets(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap').length
}

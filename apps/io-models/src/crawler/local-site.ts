import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { secondsSince } from '../internal/blocking-sleep.js'

/** A page of the local site: its path, how long it takes to answer, and its size. */
interface Page {
  path: string
  /** Seconds before the answer; `null`: it never answers. */
  delay: number | null
  bytes: number
}

/** Five pages, as the document fetches five sites: three quick, one slow, one silent. */
export const PAGES: readonly Page[] = [
  { path: '/', delay: 0.05, bytes: 2381 },
  { path: '/news', delay: 0.1, bytes: 24_560 },
  { path: '/shop', delay: 0.15, bytes: 16_744 },
  { path: '/slow', delay: 0.6, bytes: 11_304 },
  { path: '/hang', delay: null, bytes: 0 },
]

/** The site {@link serveLocalSite} runs. */
export interface LocalSite {
  /** The pages' URLs, in the order of {@link PAGES}. */
  urls: string[]
  /**
   * Settles with the seconds from the request for a page that never answers to the
   * client closing that connection: what the server sees when a Timeout stops a fetch.
   */
  silentPageClosed: Promise<number>
  /** Stops the server and drops its connections. */
  close(): Promise<void>
}

/**
 * Serves {@link PAGES} on 127.0.0.1 (a port the system picks), so the crawler needs no
 * internet. Every answer says `Connection: close`, so no idle connection outlives a crawl.
 */
export async function serveLocalSite(): Promise<LocalSite> {
  const timers = new Set<NodeJS.Timeout>()
  let silentClosed!: (seconds: number) => void
  const silentPageClosed = new Promise<number>((resolve) => {
    silentClosed = resolve
  })
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const page = PAGES.find((p) => p.path === req.url)
    if (page === undefined) {
      res.writeHead(404, { connection: 'close' }).end()
      return
    }
    req.resume()
    if (page.delay === null) {
      const start = performance.now()
      res.on('close', () => silentClosed(secondsSince(start)))
      return // never answers
    }
    const timer = setTimeout(() => {
      timers.delete(timer)
      res.writeHead(200, { 'content-type': 'text/html', connection: 'close' })
      res.end('x'.repeat(page.bytes))
    }, page.delay * 1000)
    timers.add(timer)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    urls: PAGES.map((p) => `http://127.0.0.1:${port}${p.path}`),
    silentPageClosed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer)
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

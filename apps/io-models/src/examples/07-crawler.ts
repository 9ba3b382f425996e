import type { Log } from '@strand/demo-kit'
import { serveLocalSite } from '../crawler/local-site.js'
import { runCrawl } from '../crawler/run-crawl.js'

export const title = 'A crawler: five pages at once, a Timeout each, patched fetch'

const TIMEOUT = 1
const PAUSE = 0.1

/**
 * The document's crawler under `monkey.patch_all()`: the pages are fetched side by side,
 * so the whole crawl takes about as long as its slowest page, not the sum. The pages are
 * served on 127.0.0.1 (three quick ones, one that answers after 0.6 s, one that never
 * answers and is cut off by its Timeout: the server sees the connection closed). Real
 * sites: `node dist/crawler.js --url https://www.python.org --url …`.
 */
export async function main(log: Log = console.log): Promise<void> {
  const site = await serveLocalSite()
  try {
    log(
      `fetching ${site.urls.length} pages served on 127.0.0.1: a Pool of 5, withTimeout(${TIMEOUT} s) each, fetch patched`,
    )
    log(`(the document's time.sleep(1) before each request is scaled to ${PAUSE} s)`)
    await runCrawl(log, site.urls, { concurrency: 5, timeout: TIMEOUT, pause: PAUSE })
    const closedAfter = await Promise.race([
      site.silentPageClosed,
      new Promise<null>((resolve) => setTimeout(resolve, 2000, null).unref()),
    ])
    log(
      closedAfter === null
        ? 'server: the connection to the silent page is still open'
        : `server: the client hung up on the silent page ~${closedAfter.toFixed(2)} s after asking for it`,
    )
  } finally {
    await site.close()
  }
}

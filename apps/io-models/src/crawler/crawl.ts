import { setTimeout as delay } from 'node:timers/promises'
import { joinAll, Pool, withTimeout } from 'strand'
import { secondsSince } from '../internal/blocking-sleep.js'

/** What the crawl found for one URL. */
export type PageResult =
  | { url: string; status: number; length: number; seconds: number }
  | { url: string; timedOut: number; seconds: number }
  | { url: string; error: string; seconds: number }

/** How {@link crawl} goes about it. */
export interface CrawlOptions {
  /** How many pages at once (the Pool's size). */
  concurrency: number
  /** Seconds each page may take, the document's `time.sleep(1)` included. */
  timeout: number
  /** The document's `time.sleep(1)` before each request, in seconds. */
  pause: number
  /** Told as each page is done, in the order they finish. */
  onDone?: (url: string, result: PageResult) => void
}

/**
 * The document's `get_response`: a (patched) sleep, then `fetch` — plain Node code that
 * passes no signal anywhere. Under `patchAll()` both are cooperative waits that a
 * Timeout stops, and the stopped request's connection is closed.
 */
async function getResponse(url: string, pause: number) {
  await delay(pause * 1000)
  const response = await fetch(url)
  const body = await response.arrayBuffer()
  return { url: response.url, status: response.status, length: body.byteLength }
}

/**
 * Fetches `urls` with a Pool of `concurrency` greenlets, each page under
 * `withTimeout(timeout)`, and returns the results in the order of `urls` (as the document
 * prints its greenlets' values after `joinall`).
 */
export async function crawl(urls: readonly string[], opts: CrawlOptions): Promise<PageResult[]> {
  const pool = new Pool(opts.concurrency)
  const greenlets = []
  for (const url of urls) {
    greenlets.push(
      await pool.spawn(async (): Promise<PageResult> => {
        const start = performance.now()
        let result: PageResult
        try {
          const got = await withTimeout(opts.timeout, () => getResponse(url, opts.pause), {
            timeoutValue: null,
          })
          result =
            got === null
              ? { url, timedOut: opts.timeout, seconds: secondsSince(start) }
              : { ...got, seconds: secondsSince(start) }
        } catch (err) {
          const cause =
            err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : ''
          result = { url, error: `${String(err)}${cause}`, seconds: secondsSince(start) }
        }
        opts.onDone?.(url, result)
        return result
      }),
    )
  }
  await joinAll(greenlets, { raiseError: true })
  return greenlets.map((g) => g.value as PageResult)
}

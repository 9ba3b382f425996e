import type { Log } from '@strand/demo-kit'
import { secondsSince } from '../internal/blocking-sleep.js'
import { whilePatched } from '../internal/patched.js'
import { type CrawlOptions, crawl, type PageResult } from './crawl.js'
import { progressFor } from './progress.js'

/** The document's dict per page: url, status_code, content_length (or what stopped it). */
export function formatResult(result: PageResult): string {
  if ('status' in result) {
    return `{ url: '${result.url}', status_code: ${result.status}, content_length: ${result.length} }`
  }
  if ('timedOut' in result) return `{ url: '${result.url}', timed_out_after: ${result.timedOut} }`
  return `{ url: '${result.url}', error: ${JSON.stringify(result.error)} }`
}

/**
 * Crawls `urls` under `monkey.patch_all()` (see {@link crawl}) with progress (listr2 on a
 * terminal, plain lines otherwise), then prints each page's result in the order of
 * `urls` and the total time next to the slowest page and the sum of all.
 */
export async function runCrawl(
  log: Log,
  urls: readonly string[],
  opts: Omit<CrawlOptions, 'onDone'>,
): Promise<PageResult[]> {
  const start = performance.now()
  const progress = await progressFor(log, urls)
  const results = await whilePatched(() => crawl(urls, { ...opts, onDone: progress.done }))
  const total = secondsSince(start)
  await progress.finish()
  for (const result of results) log(formatResult(result))
  const slowest = Math.max(...results.map((r) => r.seconds))
  const sum = results.reduce((s, r) => s + r.seconds, 0)
  log(
    `total ~${total.toFixed(2)} s: about the slowest page (~${slowest.toFixed(2)} s), not the sum (~${sum.toFixed(2)} s)`,
  )
  return results
}

/**
 * The crawler on its own:
 *
 *   node dist/crawler.js                                   the local site (127.0.0.1), as in the tour
 *   node dist/crawler.js --url https://www.python.org --url https://nodejs.org [--timeout 5]
 *                        [--concurrency 5] [--pause 1]
 *
 * On a terminal it shows the pages as a listr2 task list while they load; piped, it
 * prints a plain line per page.
 */
import { parseArgs } from 'node:util'
import { runCrawl } from './crawler/run-crawl.js'
import { main } from './examples/07-crawler.js'

function positive(name: string, value: string): number {
  const n = Number(value)
  if (!(n >= 0) || !Number.isFinite(n)) {
    throw new RangeError(
      `Expected --${name} to be a number from 0 and up, got ${JSON.stringify(value)}`,
    )
  }
  return n
}

const { values } = parseArgs({
  options: {
    url: { type: 'string', multiple: true },
    timeout: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '5' },
    pause: { type: 'string', default: '0' },
  },
})
if (values.url === undefined) {
  await main()
} else {
  const results = await runCrawl(console.log, values.url, {
    timeout: positive('timeout', values.timeout),
    concurrency: Math.max(1, Math.floor(positive('concurrency', values.concurrency))),
    pause: positive('pause', values.pause),
  })
  process.exitCode = results.every((r) => 'status' in r) ? 0 : 1
}

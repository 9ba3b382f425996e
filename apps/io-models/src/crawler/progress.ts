import type { Log } from '@strand/demo-kit'
import type { PageResult } from './crawl.js'

/** How the crawler shows pages as they finish. */
export interface Progress {
  /** The page at `url` is done (pages finish in any order). */
  done(url: string, result: PageResult): void
  /** Every page is done: the display is complete. */
  finish(): Promise<void>
}

/** "200, 2381 bytes" / "timed out after 1 s" / "failed: …", for a page's result. */
export function describeResult(result: PageResult): string {
  if ('status' in result) return `${result.status}, ${result.length} bytes`
  if ('timedOut' in result) return `timed out after ${result.timedOut} s`
  return `failed: ${result.error}`
}

/** Plain lines, one per page as it finishes: for pipes, files and tests. */
export function plainProgress(log: Log): Progress {
  return {
    done: (url, result) => log(`done  ${url}: ${describeResult(result)}`),
    finish: async () => {},
  }
}

/**
 * On a terminal: a listr2 task list, one row per page with a spinner while it is under
 * way, a tick (or a cross for a timeout) once done. listr2 only draws: the rows settle
 * when the crawl's greenlets report, it fetches nothing itself. Loaded only here, so runs
 * without a terminal never load it.
 */
export async function terminalProgress(urls: readonly string[]): Promise<Progress> {
  const { Listr } = await import('listr2')
  const settle = new Map<string, (result: PageResult) => void>()
  const results = new Map(
    urls.map((url) => [url, new Promise<PageResult>((resolve) => settle.set(url, resolve))]),
  )
  const list = new Listr(
    urls.map((url) => ({
      title: url,
      task: async (_ctx: unknown, task: { title: string }) => {
        const result = await (results.get(url) as Promise<PageResult>)
        task.title = `${url}: ${describeResult(result)}`
        if (!('status' in result)) throw new Error(task.title)
      },
    })),
    { concurrent: true, exitOnError: false, registerSignalListeners: false },
  )
  const running = list.run()
  return {
    done: (url, result) => settle.get(url)?.(result),
    finish: async () => {
      await running
    },
  }
}

/**
 * The terminal display when the lines go to the terminal (`log` is `console.log` and
 * stdout is a TTY), plain lines otherwise.
 */
export async function progressFor(log: Log, urls: readonly string[]): Promise<Progress> {
  return log === console.log && process.stdout.isTTY === true
    ? terminalProgress(urls)
    : plainProgress(log)
}

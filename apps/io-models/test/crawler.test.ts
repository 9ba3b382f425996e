import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import {
  expectStory,
  findExample,
  leftOpen,
  measuredTimes,
  openHandles,
} from '@strand/demo-kit/testing'
import { describe, expect, it } from 'vitest'
import { PAGES } from '../src/crawler/local-site.js'
import { examples } from '../src/index.js'
import { drive } from './drive-child.js'

const CLI = fileURLToPath(new URL('../dist/crawler.js', import.meta.url))
if (!existsSync(CLI))
  console.warn(`Skipping the crawler CLI tests: run \`npm run build\` first (${CLI}).`)

// Real HTTP on 127.0.0.1 and real time: a virtual clock would jump past the network.
describe('001#7 the crawler (real clock)', () => {
  let lines: string[] = []
  let left: string[] = []

  // The tests below look closer at what this one printed.
  it('prints the story of the document', async () => {
    const before = openHandles()
    // the progress lines come in the order the pages finish: any order matches the file
    lines = await expectStory(findExample(examples, '001#7'), { anyOrder: true })
    left = await leftOpen(before)
  })

  it('prints every page in the order of the list, with its status and length', () => {
    const results = lines.filter((line) => line.startsWith('{ url: '))
    expect(results.map((line) => /:\d+(\/\w*)'/.exec(line)?.[1])).toEqual(PAGES.map((p) => p.path))
    for (const [i, page] of PAGES.entries()) {
      if (page.delay !== null) {
        expect(results[i]).toMatch(`status_code: 200, content_length: ${page.bytes} }`)
      }
    }
  })

  it('reports the page that never answers as timed out, and the server sees it hang up', () => {
    expect(lines.filter((line) => line.includes('/hang'))).toEqual([
      expect.stringMatching(/^done {2}http:\/\/127\.0\.0\.1:\d+\/hang: timed out after 1 s$/),
      expect.stringMatching(/\/hang', timed_out_after: 1 }$/),
    ])
    const hungUp = lines.find((line) => line.startsWith('server: the client hung up'))
    expect(hungUp).toBeDefined()
    expect(measuredTimes(hungUp!)[0]).toBeLessThan(1.5) // at the Timeout, not at the end of the crawl
  })

  it('takes about as long as the slowest page, not the sum of them all', () => {
    const [total, slowest, sum] = measuredTimes(lines.find((line) => line.startsWith('total'))!)
    expect(slowest).toBeGreaterThanOrEqual(1) // the silent page, cut off at its 1 s Timeout
    expect(total).toBeGreaterThanOrEqual(slowest!)
    expect(total).toBeLessThan(slowest! + 0.5)
    expect(sum).toBeGreaterThan(total! * 1.5)
  })

  it('leaves no socket or timer open', () => {
    expect(left).toEqual([])
  })
})

describe.skipIf(!existsSync(CLI))('node dist/crawler.js', () => {
  async function site(): Promise<{ base: string; close: () => void }> {
    const server = createServer((req, res) => {
      if (req.url === '/silent') return // never answers
      res.writeHead(200, { connection: 'close' }).end('hello')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    return {
      base: `http://127.0.0.1:${port}`,
      close: () => {
        server.closeAllConnections()
        server.close()
      },
    }
  }

  it('fetches the --url pages and exits 0 when all of them answered', async () => {
    const { base, close } = await site()
    try {
      const c = drive([CLI, '--url', `${base}/a`, '--url', `${base}/b`])
      expect(await c.exited(10_000)).toBe(0)
      expect(c.out).toContain(`{ url: '${base}/a', status_code: 200, content_length: 5 }`)
      expect(c.out).toContain(`{ url: '${base}/b', status_code: 200, content_length: 5 }`)
    } finally {
      close()
    }
  })

  it('cuts off a --url page at --timeout and exits 1', async () => {
    const { base, close } = await site()
    try {
      const c = drive([CLI, '--url', `${base}/silent`, '--url', `${base}/a`, '--timeout', '0.3'])
      expect(await c.exited(10_000)).toBe(1)
      expect(c.out).toContain(`{ url: '${base}/silent', timed_out_after: 0.3 }`)
      expect(c.out).toContain(`{ url: '${base}/a', status_code: 200, content_length: 5 }`)
    } finally {
      close()
    }
  })

  // script(1) gives the crawler a pseudo-terminal (100 columns): listr2 draws its rows there
  it.skipIf(spawnSync('script', ['--version']).status !== 0)(
    'shows the pages as a listr2 task list on a terminal',
    async () => {
      const pty = drive(
        ['-q', '-e', '-c', `stty cols 100 rows 30; ${process.execPath} ${CLI}`, '/dev/null'],
        'script',
      )
      expect(await pty.exited(15_000)).toBe(0)
      expect(pty.out).toMatch(/✔.*\/news: 200, 24560 bytes/)
      expect(pty.out).toMatch(/✖.*\/hang: timed out after 1 s/)
      expect(pty.out).not.toContain('done  http') // no plain lines on a terminal
    },
  )

  // listr2's rows load signal-exit, which sends again the signals it sees: the SIGIO of
  // 001#9 (after the crawler, as in the tour) must still find its handler
  it.skipIf(spawnSync('script', ['--version']).status !== 0)(
    'leaves the process able to run 001#9 after it on the same terminal',
    async () => {
      const both = fileURLToPath(
        new URL('./fixtures/crawler-then-five-models.mjs', import.meta.url),
      )
      const command = `stty cols 100 rows 30; ${process.execPath} ${both}`
      const pty = drive(['-q', '-e', '-c', command, '/dev/null'], 'script')
      expect(await pty.exited(20_000)).toBe(0)
      expect(pty.out).toContain('client\'s handler read "data is ready" without waiting')
      expect(pty.out).toContain('completion: 9 bytes')
    },
  )
})

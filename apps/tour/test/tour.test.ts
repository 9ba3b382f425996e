import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { document as coroutineBasics } from '@strand/demo-coroutine-basics'
import { document as geventNotes } from '@strand/demo-gevent-notes'
import { document as ioModels } from '@strand/demo-io-models'
import type { DemoDocument } from '@strand/demo-kit'
import { normaliseOutput } from '@strand/demo-kit/testing'
import { document as learningGevent } from '@strand/demo-learning-gevent'
import { document as pythonCoroutines } from '@strand/demo-python-coroutines'
import { describe, expect, it } from 'vitest'
import { documents, runTour, STILL_TO_COME } from '../src/tour.js'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const built = `${root}apps/tour/dist/main.js`
const APPS: Record<string, string> = {
  '000': 'gevent-notes',
  '001': 'io-models',
  '002': 'coroutine-basics',
  '003': 'learning-gevent',
  '004': 'python-coroutines',
}

function doc(id: string, mains: Record<string, () => Promise<void>>): DemoDocument {
  return {
    id,
    title: `document ${id}`,
    examples: Object.entries(mains).map(([eid, main]) => ({ id: eid, title: eid, main })),
  }
}

if (!existsSync(built)) {
  console.warn(`Skipping the built-tour test: ${built} is missing; run \`npm run build\` first.`)
}

describe('runTour()', () => {
  it('runs the documents in document order and every example in order', async () => {
    const seen: string[] = []
    const mark = (id: string) => async () => void seen.push(id)
    const docs = documents(
      doc('001', { '001#1': mark('001#1') }),
      doc('000', { '000#1': mark('000#1'), '000#2': mark('000#2') }),
    )
    expect(await runTour(docs, () => {})).toBe(true)
    expect(seen).toEqual(['000#1', '000#2', '001#1'])
  })

  it('reports a failing example, runs the rest and returns false', async () => {
    const lines: string[] = []
    const docs = [
      doc('000', {
        '000#1': async () => {
          throw new Error('boom')
        },
        '000#2': async () => {},
      }),
    ]
    expect(await runTour(docs, (line) => lines.push(line))).toBe(false)
    expect(lines.some((line) => line.startsWith('!!! 000#1 failed: Error: boom'))).toBe(true)
    expect(lines).toContain('--- 000#2 000#2 ---')
  })
})

describe('STILL_TO_COME', () => {
  const all = [geventNotes, ioModels, coroutineBasics, learningGevent, pythonCoroutines]
  const present = new Set(all.flatMap((d) => d.examples.map((e) => e.id)))
  const missing = new Set(STILL_TO_COME.map(([id]) => id))

  it('lists no example that the tour runs', () => {
    for (const id of missing) expect(present.has(id), `${id} is in the tour`).toBe(false)
  })

  it('lists every gap in the numbering of a document', () => {
    for (const d of all) {
      const numbers = d.examples.map((e) => Number(e.id.split('#')[1]))
      for (let n = 1; n < Math.max(...numbers); n++) {
        const id = `${d.id}#${n}`
        if (!present.has(id)) expect(missing.has(id), `${id} is absent but not listed`).toBe(true)
      }
    }
  })

  it('is empty: every example of the documents is in the tour', () => {
    expect(STILL_TO_COME).toEqual([])
    expect(present.size).toBe(34) // INDEX.md lists 34 examples
  })

  it('ends the tour saying so, after the summary', async () => {
    const lines: string[] = []
    await runTour([doc('000', { '000#1': async () => {} })], (line) => lines.push(line))
    const summary = lines.findIndex((line) => line.startsWith('Tour done: 1 examples'))
    expect(summary).toBeGreaterThan(-1)
    expect(lines.slice(summary + 1)).toEqual([
      'No example of the documents is left out: none is still to come.',
    ])
  })
})

describe('the built tour (node apps/tour/dist/main.js)', () => {
  // Skipped, not failed, when apps/tour/dist is missing: run `npm run build` at the root first.
  it.skipIf(!existsSync(built))(
    "exits 0, prints every header, and prints each example's expected lines",
    () => {
      const result = spawnSync(process.execPath, [built], {
        cwd: root,
        encoding: 'utf8',
        timeout: 90_000,
      })
      expect(result.status, result.stderr).toBe(0)
      const sections = new Map<string, string[]>()
      let current: string[] | null = null
      for (const line of result.stdout.split('\n')) {
        const header = /^--- (\d{3}#\d+) /.exec(line)
        if (header) sections.set(header[1]!, (current = []))
        else if (/^(=== \d{3} |={78}$|Tour done)/.test(line)) current = null
        else current?.push(line)
      }
      for (const [docId, app] of Object.entries(APPS)) {
        expect(result.stdout).toContain(`=== ${docId} `)
        for (const [id, lines] of sections) {
          if (!id.startsWith(docId)) continue
          const file = `${root}apps/${app}/test/expected/${id}.txt`
          expect(existsSync(file), `expected output for ${id}`).toBe(true)
          // Same lines as the expected story. Their order is checked by each app's own tests
          // on the virtual clock; here, on the real clock of a busy machine, two sleeps that
          // end within a millisecond of each other may swap.
          // 004#3's workers race on real sleeps, so which worker takes which job varies too;
          // the socket demos' clients interleave as the network decides (their app tests
          // assert the order that matters).
          const sorted = (text: string) =>
            text
              .trimEnd()
              .replace(/worker-\d+/g, 'worker-N')
              .split('\n')
              .sort()
          const text = normaliseOutput(lines.join('\n').trim().split('\n'))
          expect(sorted(text), id).toEqual(sorted(readFileSync(file, 'utf8')))
        }
      }
      expect(sections.size).toBe(34) // all of them: none is still to come
      const done = /\nTour done: 34 examples from 5 documents in ~([\d.]+) s\n/.exec(result.stdout)
      expect(done, 'the summary line').not.toBeNull()
      expect(Number(done![1])).toBeLessThan(90)
      expect(result.stdout).toMatch(/none is still to come\.\n$/)
    },
    100_000,
  )
})

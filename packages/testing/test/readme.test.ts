// The README's examples run here: every ```ts block that starts with `// examples/<file>`
// must be that file, word for word, and the files run (the vitest example registers its
// tests; its node:test twin runs in dist.test.ts; the planted bugs in explore.test.ts).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { main } from '../examples/quick-start.js'
import '../examples/vitest.example.js'

const root = new URL('../', import.meta.url)
const readme = readFileSync(new URL('README.md', root), 'utf8')

describe('the README', () => {
  const blocks = [...readme.matchAll(/```(?:ts|js)\n(\/\/ (examples\/[\w.-]+)\n[\s\S]*?)```/g)]

  it('shows the example files as they are', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4)
    for (const [, body, file] of blocks) {
      expect(body, file).toBe(readFileSync(new URL(file as string, root), 'utf8'))
    }
  })

  it('prints what the quick start says', async () => {
    const lines: string[] = []
    await main((line) => lines.push(line))
    expect(lines).toEqual([
      'slept 3600 virtual seconds',
      'the plain schedule passes',
      expect.stringMatching(/^run \d+ fails \(seed \d+\): lost an update: balance 1$/),
      expect.stringMatching(/^the replay has the same \d+-step trace: true$/),
    ])
  })
})

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const dist = fileURLToPath(new URL('../dist/', import.meta.url))
const built = existsSync(`${dist}index.js`)

describe.skipIf(!built)('the published build', () => {
  it('declares no underscore member and nothing from the core internals', () => {
    const files = readdirSync(dist).filter((f) => f.endsWith('.d.ts'))
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      const text = readFileSync(`${dist}${file}`, 'utf8')
      const members = text
        .split('\n')
        .filter((line) =>
          /^\s+(?:(?:private|protected|readonly|static|abstract)\s+)*_\w/.test(line),
        )
      expect(members, file).toEqual([])
      expect(text, file).not.toContain('@strand/core/internal')
    }
  })

  it('runs a bounded imap from dist', async () => {
    const { Pool } = (await import(`${dist}index.js`)) as typeof import('../src/index.js')
    const pool = new Pool(2)
    const out: number[] = []
    for await (const x of pool.imap(async (n: number) => n * 2, [1, 2, 3])) out.push(x)
    expect(out).toEqual([2, 4, 6])
    expect(pool.freeCount()).toBe(2)
  })
})

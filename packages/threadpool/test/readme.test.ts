import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
// a block whose first line is `// examples/<file>` shows that file, whole
const shown = [...readme.matchAll(/```(?:ts|js)\n(\/\/ examples\/([\w.-]+)[^\n]*\n[\s\S]*?)```/g)]

describe('README', () => {
  it('shows examples/ files exactly as they are (the examples test runs them)', () => {
    expect(shown.map((m) => m[2])).toEqual([
      'quick-start.ts',
      'tasks.js',
      'transfer-tasks.js',
      'transfer.ts',
      'endless.ts',
    ])
    for (const [, block, file] of shown) {
      expect(block, file).toBe(
        readFileSync(new URL(`../examples/${file}`, import.meta.url), 'utf8'),
      )
    }
  })
})

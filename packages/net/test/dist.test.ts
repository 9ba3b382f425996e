import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url))

describe('the built package', () => {
  it.skipIf(!existsSync(dist))(
    'serves a round trip and leaves nothing open: the process exits by itself',
    () => {
      const out = execFileSync(
        process.execPath,
        [fileURLToPath(new URL('./fixtures/dist-echo.mjs', import.meta.url))],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000 },
      )
      expect(out).toBe('BUILT true SocketTimeout BlockingIOError\n')
    },
  )
})

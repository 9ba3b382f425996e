import { defineConfig } from 'vitest/config'

/** Tests run against the TypeScript sources of every package (the "@strand/source" export condition). */
export default defineConfig({
  resolve: { conditions: ['@strand/source'] },
  ssr: { resolve: { conditions: ['@strand/source'] } },
  test: { include: ['test/**/*.test.ts'], testTimeout: 20_000 },
})

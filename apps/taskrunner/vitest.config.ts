import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['@strand/source'] },
  ssr: { resolve: { conditions: ['@strand/source'] } },
  test: { include: ['test/**/*.test.ts'], testTimeout: 20_000 },
})

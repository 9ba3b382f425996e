import { defineConfig, mergeConfig } from 'vitest/config'
import base from '../../vitest.base.js'

// Patching rewrites Node's own modules for the whole process: every test file runs in a
// forked process of its own, and every test unpatches after itself.
export default mergeConfig(
  base,
  defineConfig({
    test: { pool: 'forks', isolate: true, fileParallelism: false },
  }),
)

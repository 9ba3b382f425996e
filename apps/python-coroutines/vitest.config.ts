import { defineConfig, mergeConfig } from 'vitest/config'
import base from '../../vitest.base.js'

// 004#2 runs its program patched in a child process; the tests' own processes are never
// patched, but each test file still gets a forked process of its own, as monkey's do.
export default mergeConfig(base, defineConfig({ test: { pool: 'forks', isolate: true } }))

import { defineConfig, mergeConfig } from 'vitest/config'
import base from '../../vitest.base.js'

// The crawler and the 001#5 note patch Node's own modules (@strand/monkey) for the whole
// process while they run: every test file gets a forked process of its own.
export default mergeConfig(base, defineConfig({ test: { pool: 'forks', isolate: true } }))

import { defineConfig, mergeConfig } from 'vitest/config'
import base from '../../vitest.base.js'

// 003#7 patches Node's own modules (@strand/monkey) for the whole process while it runs:
// every test file gets a forked process of its own.
export default mergeConfig(base, defineConfig({ test: { pool: 'forks', isolate: true } }))

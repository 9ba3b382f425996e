import { defineConfig, mergeConfig } from 'vitest/config'
import base from '../../vitest.base.js'

// --expose-gc: the memory-retention tests measure the heap after a full collection
export default mergeConfig(base, defineConfig({ test: { execArgv: ['--expose-gc'] } }))

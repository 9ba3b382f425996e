import { mergeConfig } from 'vitest/config'
import base from '../vitest.base.js'

// the memory workloads call global.gc(), as they do under the runner
export default mergeConfig(base, { test: { pool: 'forks', execArgv: ['--expose-gc'] } })

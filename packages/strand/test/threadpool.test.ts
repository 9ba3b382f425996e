import * as threadpool from '@strand/threadpool'
import * as threadpoolWorker from '@strand/threadpool/worker'
import { describe, expect, it } from 'vitest'
import * as strand from '../src/index.js'
import * as subpath from '../src/threadpool.js'
import * as workerSubpath from '../src/threadpool-worker.js'

describe('strand/threadpool', () => {
  it('re-exports every runtime export of @strand/threadpool, as the same object', () => {
    for (const [key, value] of Object.entries(threadpool)) {
      expect((subpath as Record<string, unknown>)[key], key).toBe(value)
    }
    expect(workerSubpath.transfer).toBe(threadpoolWorker.transfer)
  })

  it('stays out of the main entry (it loads piscina)', () => {
    expect('ThreadPool' in strand).toBe(false)
  })
})

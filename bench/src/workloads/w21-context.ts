// W21: what carrying a context across awaits costs per promise, three ways, no Strand:
// `none`; `promise-hooks` — V8 promise hooks as packages/core/src/internal/context.ts
// installs them (init tags each promise with the current value, before restores it,
// after clears it); `als` — an AsyncLocalStorage with a store set (on Node 20 built on
// async hooks; on Node 24 on AsyncContextFrame). Each op is one async call that awaits a
// resolved promise and reads the context; the caller awaits the call (one promise from
// the async function, two awaits). Run it under each Node (BENCH_NODE) to choose.

import { AsyncLocalStorage } from 'node:async_hooks'
import { promiseHooks } from 'node:v8'
import { now, since } from '../internal/timing.js'
import type { Workload } from '../workload.js'

const RESOLVED = Promise.resolve(1)
const STORE = { name: 'store' }
const TAG = Symbol('context')

/** The job: n async calls, each reading the context through `read`. */
async function job(n: number, read: () => unknown): Promise<void> {
  const step = async (): Promise<number> => {
    await RESOLVED
    return read() === STORE ? 1 : 0
  }
  let seen = 0
  for (let i = 0; i < n; i++) seen += await step()
  if (seen !== n) throw new Error(`W21: the context was lost in ${n - seen} of ${n} calls`)
}

function timed(run: () => Promise<void>): Promise<{ seconds: number }> {
  const start = now()
  return run().then(() => ({ seconds: since(start) }))
}

// promise hooks, the way Strand's context.ts does it
let current: unknown = null
let hooked = false
function installHooks(): void {
  if (hooked) return
  hooked = true
  promiseHooks.onInit((promise) => {
    ;(promise as unknown as Record<symbol, unknown>)[TAG] = current
  })
  promiseHooks.onBefore((promise) => {
    current = (promise as unknown as Record<symbol, unknown>)[TAG] ?? null
  })
  promiseHooks.onAfter(() => {
    current = null
  })
}

const als = new AsyncLocalStorage<typeof STORE>()

export const workload: Workload = {
  id: 'W21',
  title: 'context across awaits: none vs promise hooks vs AsyncLocalStorage, 3M async calls',
  unit: 'calls/s',
  kind: 'throughput',
  n: 3_000_000,
  subject: 'promise-hooks',
  baseline: 'none',
  target: 'measured only: choose per Node version',
  peers: {
    none: (n) => timed(() => job(n, () => STORE)),
    'promise-hooks': (n) => {
      installHooks()
      current = STORE // the caller's context: what the hooks carry into each call
      return timed(() => job(n, () => current)).finally(() => {
        current = null
      })
    },
    als: (n) => als.run(STORE, () => timed(() => job(n, () => als.getStore()))),
  },
}

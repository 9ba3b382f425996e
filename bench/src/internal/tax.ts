import type { Workload } from '../workload.js'
import { now, since } from './timing.js'

type Strand = typeof import('strand')

let loading: Promise<Strand> | undefined

/**
 * Loads Strand and creates its hub, once per process. Imported dynamically so the `plain`
 * peers' processes never load it. The hub installs its promise hooks only while a spawned
 * greenlet is alive.
 */
export function loadStrand(): Promise<Strand> {
  loading ??= import('strand').then((strand) => {
    strand.getHub()
    return strand
  })
  return loading
}

/**
 * A W20–W20c workload: the same promise-heavy job run in a process where Strand is not
 * loaded (`plain`); where it is loaded and its hub exists but no greenlet is alive
 * (`strand-loaded`); outside greenlets while one greenlet is alive elsewhere, so the hooks
 * are on (`greenlet-alive`: an app that uses Strand somewhere); and as a greenlet's body
 * (`in-greenlet`). The notes give the extra nanoseconds per op.
 */
export function taxWorkload(
  id: string,
  title: string,
  unit: string,
  n: number,
  job: (n: number) => Promise<void>,
): Workload {
  return {
    id,
    title: `promise-hook tax: ${title}`,
    unit,
    kind: 'throughput',
    n,
    subject: 'strand-loaded',
    baseline: 'plain',
    target: 'measured only: what loading Strand costs code that never uses it',
    peers: {
      plain: async (size) => {
        const start = now()
        await job(size)
        return { seconds: since(start) }
      },
      'strand-loaded': async (size) => {
        await loadStrand()
        const start = now()
        await job(size)
        return { seconds: since(start) }
      },
      'greenlet-alive': async (size) => {
        const { sleep, spawn } = await loadStrand()
        const idle = spawn(() => sleep(3600))
        await sleep(0) // it has started: the hooks are on
        const start = now()
        await job(size)
        const seconds = since(start)
        await idle.kill()
        return { seconds }
      },
      'in-greenlet': async (size) => {
        const { spawn } = await loadStrand()
        let seconds = 0
        const g = spawn(async () => {
          const start = now()
          await job(size)
          seconds = since(start)
        })
        await g.join()
        if (!g.successful) throw g.exception
        return { seconds }
      },
    },
  }
}

import type { Workload } from '../workload.js'
import { now, since } from './timing.js'

let loading: Promise<void> | undefined

/**
 * Loads Strand and creates its hub (which installs its promise hooks), once per process.
 * Imported dynamically so the `plain` peers' processes never load it.
 */
export function loadStrand(): Promise<void> {
  loading ??= import('strand').then((strand) => {
    strand.getHub()
  })
  return loading
}

/**
 * A W20–W20c workload: the same promise-heavy job with no greenlets, run in a process where
 * Strand is not loaded (`plain`) and in one where it is loaded and its hub exists
 * (`strand-loaded`); the notes give the extra nanoseconds per op.
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
    title: `promise-hook tax: ${title}, no greenlets`,
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
    },
  }
}

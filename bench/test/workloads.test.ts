// Every peer of every workload completes a small run in this process (and passes its own
// checks: sums, counts, timeouts), so a broken peer shows up here, not halfway through a
// 20-minute bench. The W9b–W9d workloads set a VirtualClock and run in their own file.
// The built workloads run (not the sources): some start child processes and worker
// threads from dist/, and a workload's setup() (W13's redis-server) runs as in the bench.
import { existsSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Workload } from '../src/workload.js'

const dir = new URL('../dist/workloads/', import.meta.url)
const files = existsSync(dir)
  ? readdirSync(dir).filter((f) => f.endsWith('.js') && !/^w9[bcd]-/.test(f))
  : []

it('finds the built workloads (run `npx tsup` in bench/ first)', () => {
  expect(files.length).toBeGreaterThan(10)
})

describe.each(files)('%s', (file) => {
  it('runs every peer at a small n', async () => {
    const { workload } = (await import(new URL(file, dir).href)) as { workload: Workload }
    expect(Object.keys(workload.peers).length).toBeGreaterThan(1)
    const shared = workload.setup ? await workload.setup() : undefined
    if (shared !== undefined && 'skip' in shared) return // e.g. no redis-server here
    const saved = { ...process.env }
    Object.assign(process.env, shared?.env)
    try {
      for (const [name, peer] of Object.entries(workload.peers)) {
        const n = Math.min(200, workload.sizes?.[name] ?? workload.n)
        await peer(n).catch((err: unknown) => {
          throw new Error(`${workload.id} ${name} failed`, { cause: err })
        })
      }
    } finally {
      process.env = saved
      await shared?.stop()
    }
  })
})

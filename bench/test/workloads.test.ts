// Every peer of every workload completes a small run in this process (and passes its own
// checks: sums, counts, timeouts), so a broken peer shows up here, not halfway through a
// 20-minute bench. The W9b–W9d workloads set a VirtualClock and run in their own file.
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Workload } from '../src/workload.js'

const dir = new URL('../src/workloads/', import.meta.url)
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !/^w9[bcd]-/.test(f))

describe.each(files)('%s', (file) => {
  it('runs every peer at a small n', async () => {
    const { workload } = (await import(new URL(file, dir).href)) as { workload: Workload }
    expect(Object.keys(workload.peers).length).toBeGreaterThan(1)
    for (const [name, peer] of Object.entries(workload.peers)) {
      const n = Math.min(200, workload.sizes?.[name] ?? workload.n)
      await peer(n).catch((err: unknown) => {
        throw new Error(`${workload.id} ${name} failed`, { cause: err })
      })
    }
  })
})

// The W9b–W9d workloads (a VirtualClock for the hub, so their own process): every peer
// completes a small run, and every wait in it times out (the peers check that).
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Workload } from '../src/workload.js'

const dir = new URL('../src/workloads/', import.meta.url)
const files = readdirSync(dir).filter((f) => /^w9[bcd]-/.test(f))

describe.each(files)('%s', (file) => {
  it('runs every peer at a small n, every wait timing out', async () => {
    const { workload } = (await import(new URL(file, dir).href)) as { workload: Workload }
    for (const [name, peer] of Object.entries(workload.peers)) {
      const m = await peer(300)
      expect(m, `${workload.id} ${name}`).toMatchObject({ value: expect.any(Number) })
    }
  })
})

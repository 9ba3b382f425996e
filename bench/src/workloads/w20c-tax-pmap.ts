// W20c: the promise-hook tax on plain code — a p-map run (concurrency 10) over 200k items,
// each mapped by an async function that awaits once, with Strand loaded or not.

import pMap from 'p-map'
import { taxWorkload } from '../internal/tax.js'

async function run(n: number): Promise<void> {
  const items = Array.from({ length: n }, (_, i) => i)
  const out = await pMap(
    items,
    async (x) => {
      await null
      return x
    },
    { concurrency: 10 },
  )
  let sum = 0
  for (const x of out) sum += x
  if (sum !== (n * (n - 1)) / 2) throw new Error(`W20c: wrong sum ${sum} for n = ${n}`)
}

export const workload = taxWorkload('W20c', 'p-map over 200k items', 'items/s', 200_000, run)

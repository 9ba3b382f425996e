// W20b: the promise-hook tax on plain code — chains of 10 nested async calls (each awaits
// the next; the innermost awaits a resolved promise), 3M calls in all, with Strand loaded
// or not.

import { taxWorkload } from '../internal/tax.js'

const DEPTH = 10
const RESOLVED = Promise.resolve(0)

async function chain(depth: number): Promise<number> {
  if (depth === 1) return (await RESOLVED) + 1
  return (await chain(depth - 1)) + 1
}

async function chains(n: number): Promise<void> {
  const count = Math.ceil(n / DEPTH)
  let calls = 0
  for (let i = 0; i < count; i++) calls += await chain(DEPTH)
  if (calls !== count * DEPTH) throw new Error(`W20b: ${calls} calls for n = ${n}`)
}

export const workload = taxWorkload(
  'W20b',
  'nested async calls (depth 10)',
  'async calls/s',
  3_000_000,
  chains,
)

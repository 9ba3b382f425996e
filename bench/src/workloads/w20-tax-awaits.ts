// W20: the promise-hook tax on plain code — 5M `await`s of an already resolved promise in
// one async function, with Strand loaded (its hub's promise hooks installed) or not.
// With hooks on, V8 also allocates a throwaway promise per await and calls the hooks.

import { taxWorkload } from '../internal/tax.js'

async function awaits(n: number): Promise<void> {
  const one = Promise.resolve(1)
  let sum = 0
  for (let i = 0; i < n; i++) sum += await one
  if (sum !== n) throw new Error(`W20: sum ${sum} for n = ${n}`)
}

export const workload = taxWorkload(
  'W20',
  '5M awaits of a resolved promise',
  'awaits/s',
  5_000_000,
  awaits,
)

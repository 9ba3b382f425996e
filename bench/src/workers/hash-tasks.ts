// The tasks module of W12/W12b, loaded by the worker threads from dist/workers/ (tsup
// builds it as an entry of its own). One argument per task, so piscina used directly
// calls the same functions the same way.
import { createHash } from 'node:crypto'

/** sha256 rounds per task: about 1 ms of CPU on the 2-core bench machine. */
export const ROUNDS = 800

/** A fixed amount of CPU work: ROUNDS chained sha256 digests of the seed. */
export function hash(seed: number): string {
  let digest = String(seed)
  for (let i = 0; i < ROUNDS; i++) digest = createHash('sha256').update(digest).digest('hex')
  return digest
}

/** A task that does nothing: what is left is the cost of a round trip. */
export function echo(x: number): number {
  return x
}

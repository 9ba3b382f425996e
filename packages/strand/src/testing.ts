/**
 * `strand/testing`: virtual time for any test, a seeded race finder and deadlock
 * reports — `@strand/testing`, under the umbrella. A subpath, so that the main
 * `strand` import does not load the test tools.
 *
 * @example
 * ```ts
 * import { sleep } from 'strand'
 * import { withVirtualTime } from 'strand/testing'
 *
 * await withVirtualTime(async (clock) => {
 *   await sleep(3600)
 *   return clock.now()
 * }) // => 3600
 * ```
 * @module
 */
export {
  type BlockedGreenlet,
  type DeadlockReport,
  deadlockReport,
  type ExploreOptions,
  type ExploreReport,
  explainDeadlocks,
  explore,
  type PerturbOptions,
  RaceFound,
  RealIOError,
  runInfo,
  TooManySteps,
  type VirtualTimeOptions,
  withVirtualTime,
} from '@strand/testing'

export {
  type BlockedGreenlet,
  type DeadlockReport,
  deadlockReport,
  explainDeadlocks,
} from './deadlock-report.js'
export { RaceFound, RealIOError, TooManySteps } from './errors.js'
export { type ExploreOptions, type ExploreReport, explore, type PerturbOptions } from './explore.js'
export { runInfo } from './run-info.js'
export { type VirtualTimeOptions, withVirtualTime } from './with-virtual-time.js'

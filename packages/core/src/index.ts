export { type Clock, realClock, VirtualClock, type VirtualClockOptions } from './clock.js'
export { BlockingSwitchOutError, GreenletExit, LoopExit, StrandError } from './errors.js'
export { getHub } from './get-hub.js'
export { Greenlet } from './greenlet.js'
export {
  type ErrorHandler,
  type GreenletInfo,
  Hub,
  type HubOptions,
  type HubStats,
} from './hub.js'
export { joinAll, killAll } from './join-all.js'
export { RawGreenlet } from './raw-greenlet.js'
export { shutdown } from './shutdown.js'
export { signalHandler } from './signal-handler.js'
export { idle, sleep } from './sleep.js'
export { currentSignal, getCurrent, spawn, spawnLater } from './spawn.js'
export { Timeout } from './timeout.js'
export type { TraceEvent } from './trace.js'
export { iwait, wait } from './wait.js'
export type { Waitable } from './waitable.js'
export { withTimeout } from './with-timeout.js'

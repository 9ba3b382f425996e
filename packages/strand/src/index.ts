/**
 * Strand: gevent's model of concurrency for TypeScript on Node.js, in one import.
 * Every name below comes from one of the `@strand/*` packages; import from those
 * directly if you want only a part.
 * @module
 */

// @strand/core — the hub, greenlets, cooperative waits, Timeout
export {
  BlockingSwitchOutError,
  type Clock,
  currentSignal,
  type ErrorHandler,
  Greenlet,
  GreenletExit,
  type GreenletInfo,
  getCurrent,
  getHub,
  Hub,
  type HubStats,
  idle,
  iwait,
  joinAll,
  killAll,
  LoopExit,
  RawGreenlet,
  realClock,
  StrandError,
  shutdown,
  signalHandler,
  sleep,
  spawn,
  spawnLater,
  Timeout,
  VirtualClock,
  type VirtualClockOptions,
  type Waitable,
  wait,
  withTimeout,
} from '@strand/core'
// @strand/event — Event, AsyncResult
export { AsyncResult, Event, type Outcome } from '@strand/event'
// @strand/lock — Semaphore, BoundedSemaphore, Lock, RLock
export {
  type AcquireOptions,
  BoundedSemaphore,
  Lock,
  type LockOptions,
  NotOwnerError,
  Permit,
  RLock,
  Semaphore,
  ValueError,
} from '@strand/lock'
// @strand/pool — Group, Pool
export {
  type AddOptions,
  BaseGroup,
  Group,
  type KillOptions,
  Pool,
  PoolFull,
  ScopeCancelled,
} from '@strand/pool'
// @strand/queue — Queue and friends
export {
  type BlockOptions,
  Channel,
  Empty,
  Full,
  JoinableQueue,
  LifoQueue,
  PriorityQueue,
  type PriorityQueueOptions,
  Queue,
  type QueueOptions,
  ShutDown,
} from '@strand/queue'

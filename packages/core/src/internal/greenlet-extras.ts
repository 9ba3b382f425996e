import type { TimerEntry } from './timer-heap.js'

/** Marks a pending exception that came from kill() (a Timeout never replaces it). */
export const KILL = Symbol('kill')

/** A started Timeout as its greenlet sees it: a scope whose signal an interrupt may abort. */
export interface TimeoutScope {
  abortScope(reason: unknown): void
}

/** Greenlet state that most greenlets never need, allocated on first use. */
export class Extras {
  name: string | undefined = undefined
  /** An exception to raise at the next wait, and who raised it. */
  pending: unknown = undefined
  pendingSource: unknown = undefined
  killedWith: unknown = undefined
  controller: AbortController | null = null
  interrupt: AbortController | null = null
  /** Timeouts started against it and still pending, oldest (outermost) first. */
  timeouts: TimeoutScope[] | null = null
  death: { promise: Promise<void>; resolve: () => void } | null = null
  startTimer: TimerEntry | null = null
  spawnSite: string | undefined = undefined
  sawLoopExit = false
}

export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

import timers from 'node:timers'
import { promiseHooks } from 'node:v8'
import { Worker } from 'node:worker_threads'
import { type Greenlet, getHub } from '@strand/core'
import { checkSeconds, currentGreenlet, describe, spawnSite } from '@strand/core/internal'
import { EventLoopBlocked } from './errors.js'
import { WATCHDOG_SOURCE } from './internal/watchdog-worker.js'

const nodeSetInterval = timers.setInterval
const nodeClearInterval = timers.clearInterval

/** A running blocking watchdog; {@link BlockingWatchdog.stop} ends it. */
export interface BlockingWatchdog {
  /** The threshold in seconds. */
  readonly threshold: number
  /** Resolves once the watchdog thread runs (it takes a moment to start). */
  readonly ready: Promise<void>
  /** Stops the heartbeat, the thread and the promise hooks. Idempotent. */
  stop(): void
}

/**
 * Starts a watchdog that reports, through `getHub().handleError`, every time the
 * thread stays blocked longer than `seconds` — gevent's monitor thread. It does not keep
 * the process alive. {@link patchAll}'s `detectBlocking` option starts one for you.
 *
 * How: the main thread bumps a shared heartbeat (SharedArrayBuffer) every
 * `seconds / 4`; a worker thread sleeps on it with `Atomics.wait` and raises a flag when
 * no beat came for `seconds` plus one period, which only a blocked thread explains. The
 * main thread reports as soon as it runs JavaScript again: its promise hooks (on only
 * while the watchdog runs) check the flag, and blame the greenlet whose code is running
 * when the block ends — the one that last resumed.
 *
 * @throws TypeError/RangeError for `seconds` that is not a number above 0.
 * @example
 * ```ts
 * import { detectBlocking } from '@strand/monkey'
 *
 * const watchdog = detectBlocking(0.1)
 * await watchdog.ready // the thread watches from now on
 * // … a greenlet calls readFileSync on a 2 GB file: the hub's error handler gets an
 * // EventLoopBlocked naming it
 * watchdog.stop()
 * ```
 */
export function detectBlocking(seconds: number): BlockingWatchdog {
  return new Watchdog(checkThreshold(seconds))
}

/** @throws TypeError/RangeError unless `seconds` is a finite number of seconds above 0. */
export function checkThreshold(seconds: unknown): number {
  const threshold = checkSeconds('detectBlocking', seconds)
  if (threshold === null || threshold === 0) {
    throw new RangeError(
      `Expected \`detectBlocking\` to be a number of seconds above 0, got ${describe(seconds)}`,
    )
  }
  return threshold
}

class Watchdog implements BlockingWatchdog {
  private readonly beats = new Int32Array(new SharedArrayBuffer(8))
  private readonly worker: Worker
  private readonly timer: NodeJS.Timeout
  private readonly unhook: () => void
  private lastBeat = performance.now()
  /** The greenlet whose promise reaction runs now (sampled in `before`). */
  private running: Greenlet | null = null
  private stopped = false
  readonly ready: Promise<void>

  constructor(readonly threshold: number) {
    const periodMs = Math.max(1, (threshold * 1000) / 4)
    this.worker = new Worker(WATCHDOG_SOURCE, {
      eval: true,
      workerData: { buffer: this.beats.buffer, limitMs: threshold * 1000 + periodMs },
    })
    this.worker.unref()
    this.ready = new Promise<void>((resolve) => {
      this.worker.once('online', resolve)
      this.worker.once('exit', resolve)
    })
    this.timer = nodeSetInterval(this.beat, periodMs)
    this.timer.unref()
    // Core installs its own promise hooks only while greenlets live, so ours may run
    // before or after its: in `before` the current greenlet is right only when core's
    // ran first, in `after` only when ours runs first. Sampling both covers either order.
    this.unhook = promiseHooks.createHook({
      init: () => {
        if (this.beats[1] !== 0) this.blocked(currentGreenlet())
      },
      before: () => {
        if (this.beats[1] !== 0) this.blocked(null)
        this.running = currentGreenlet()
      },
      after: () => {
        if (this.beats[1] !== 0) this.blocked(currentGreenlet() ?? this.running)
        this.running = null
      },
    }) as () => void
  }

  private readonly beat = (): void => {
    if (this.beats[1] !== 0) this.blocked(null)
    this.lastBeat = performance.now()
    Atomics.add(this.beats, 0, 1)
    Atomics.notify(this.beats, 0)
  }

  // Called from a promise hook or the heartbeat: record now, report from a microtask
  // (a user's error handler may create promises; a promise hook must not).
  private blocked(culprit: Greenlet | null): void {
    Atomics.store(this.beats, 1, 0)
    const seconds = (performance.now() - this.lastBeat) / 1000
    const name = culprit === null ? 'main' : culprit.name
    const site = culprit === null ? undefined : spawnSite(culprit)
    queueMicrotask(() => {
      if (this.stopped) return
      getHub().handleError(new EventLoopBlocked(seconds, this.threshold, name, site), culprit)
    })
  }

  stop(): void {
    if (this.stopped) return
    this.stopped = true
    this.unhook()
    nodeClearInterval(this.timer)
    void this.worker.terminate()
  }
}

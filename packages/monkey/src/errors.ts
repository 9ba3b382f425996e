import { StrandError } from '@strand/core'

function secs(s: number): string {
  return `${Math.round(s * 1000) / 1000} s`
}

/**
 * Reported through the hub's error handler (`getHub().handleError(err, greenlet)`) when
 * the blocking watchdog ({@link patchAll}'s `detectBlocking`) saw the thread blocked
 * for longer than its threshold: a sync call (`readFileSync` of a big file), a busy
 * loop, `Atomics.wait`. It names the greenlet that last resumed before or during the
 * block (or main), and where it was spawned when the hub tracks spawn sites.
 *
 * @example
 * ```ts
 * import { getHub, sleep, spawn } from '@strand/core'
 * import { EventLoopBlocked, patchAll, unpatchAll } from '@strand/monkey'
 *
 * getHub().handleError = (err, g) => {
 *   if (err instanceof EventLoopBlocked) console.log(err.greenlet, err.seconds > 0.1)
 * }
 * patchAll({ detectBlocking: 0.1 })
 * const g = spawn(async () => {
 *   await sleep(0.05)
 *   Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300) // blocks 0.3 s
 *   await sleep(0)
 * })
 * g.name = 'blocker'
 * await g.join()
 * await sleep(0.05) // => blocker true
 * unpatchAll()
 * ```
 */
export class EventLoopBlocked extends StrandError {
  /** About how long the thread was blocked, in seconds (± the heartbeat period). */
  readonly seconds: number
  /** The threshold it exceeded, in seconds. */
  readonly threshold: number
  /** The name of the greenlet that last resumed, or "main". */
  readonly greenlet: string
  /** Where that greenlet was spawned (when the hub tracks spawn sites), else undefined. */
  readonly spawnedAt: string | undefined

  constructor(seconds: number, threshold: number, greenlet: string, spawnedAt?: string) {
    const where =
      greenlet === 'main'
        ? 'in code running as main (the main script, a timer or an event callback)'
        : `in greenlet "${greenlet}" (the greenlet that last resumed)`
    const site =
      spawnedAt === undefined
        ? ' (set STRAND_TRACK_SPAWN=1 to see where it was spawned)'
        : `, spawned at:\n${spawnedAt}`
    super(
      'ERR_EVENT_LOOP_BLOCKED',
      `The thread was blocked for about ${secs(seconds)} (threshold ${secs(threshold)}) ${where}${
        greenlet === 'main' ? '' : site
      }. Nothing else can run meanwhile: move sync work (readFileSync, CPU loops) to a worker thread, or make it async.`,
    )
    this.seconds = seconds
    this.threshold = threshold
    this.greenlet = greenlet
    this.spawnedAt = spawnedAt
  }
}

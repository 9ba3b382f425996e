import { getHub } from './get-hub.js'
import { checkOptions, checkSeconds } from './internal/validate.js'
import { killAll } from './join-all.js'

/**
 * Kills every live greenlet (except the one calling), waits for them to die (at most
 * `timeout` seconds, default 1), cancels the hub's remaining timers and lets the
 * process exit. `timeout: null` waits as long as it takes.
 *
 * @throws TypeError/RangeError synchronously for bad options.
 * @example
 * ```ts
 * import { shutdown, signalHandler, sleep, spawn } from '@strand/core'
 *
 * spawn(() => sleep(3600))
 * signalHandler('SIGQUIT', shutdown) // kill -QUIT <pid> ends the program cleanly
 * ```
 */
export function shutdown(opts?: { timeout?: number | null }): Promise<void> {
  checkOptions('opts', opts)
  const seconds = opts?.timeout === undefined ? 1 : checkSeconds('timeout', opts.timeout)
  return killEveryone(seconds)
}

async function killEveryone(seconds: number | null): Promise<void> {
  const hub = getHub()
  const self = hub.current()
  const victims = [...hub.liveGreenlets()].filter((g) => g !== self)
  // only what exists now: timers armed while we wait belong to code that runs after us
  const timers = hub.timerSnapshot()
  try {
    await killAll(victims, { timeout: seconds })
  } finally {
    hub.cancelTimers(timers)
  }
}

import { setTimeout as delay } from 'node:timers/promises'
import type { Log } from '@strand/demo-kit'
import { Greenlet, joinAll, spawn, withTimeout } from 'strand'
import { blockingSleep, secondsSince } from '../internal/blocking-sleep.js'
import { whilePatched } from '../internal/patched.js'

export const title = 'spawn(func1, 1, 2): patched sleeps overlap, blocking ones add up'

async function run(log: Log, pause: (seconds: number) => unknown): Promise<void> {
  const start = performance.now()
  const func1 = async (a: number, b: number): Promise<void> => {
    log(`received a = ${a} , b = ${b}`)
    await pause(0.2)
  }
  const func2 = async (): Promise<void> => {
    await pause(0.3)
  }
  const g1 = spawn(func1, 1, 2)
  const g2 = spawn(func2)
  log(`g1 instanceof Greenlet: ${g1 instanceof Greenlet}`)
  await joinAll([g1, g2])
  log(`elapsed ~${secondsSince(start).toFixed(2)} s`)
}

/** `withTimeout(0.1)` around a 0.3 s timers/promises sleep: how long it really took. */
async function timedOutSleep(): Promise<string> {
  const start = performance.now()
  const outcome = await withTimeout(0.1, () => delay(300, 'ran to its end'), {
    timeoutValue: 'stopped',
  })
  return `${outcome} after ~${secondsSince(start).toFixed(2)} s`
}

/**
 * With `monkey.patch_all()` the document's `time.sleep(2)` and `time.sleep(3)` become
 * cooperative and overlap (~3 s); without it they block the thread and add up (~5 s).
 * Node's honest equivalents: the `node:timers/promises` sleep a Node program writes,
 * patched by `patchAll()`, and a blocking `Atomics.wait`. Sleeps are scaled to 0.2 s
 * and 0.3 s. A Node sleep never blocks, patched or not: what the patch adds is that a
 * Timeout (or a kill) stops it, shown last.
 */
export async function main(log: Log = console.log): Promise<void> {
  log(
    "With monkey.patch_all(): the sleeps (2 s and 3 s, scaled to 0.2 s and 0.3 s) are node:timers/promises' setTimeout, patched",
  )
  await whilePatched(() => run(log, (seconds) => delay(seconds * 1000)))
  log('Without patching: each sleep blocks the whole thread (Atomics.wait)')
  await run(log, blockingSleep)
  log('A Node sleep never blocks, patched or not; the patch makes a Timeout stop it:')
  log(`withTimeout(0.1 s) around an unpatched 0.3 s sleep: ${await timedOutSleep()}`)
  log(`withTimeout(0.1 s) around a patched 0.3 s sleep: ${await whilePatched(timedOutSleep)}`)
}

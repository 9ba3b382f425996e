import type { Log } from '@strand/demo-kit'
import { Greenlet, joinAll, sleep, spawn } from 'strand'
import { blockingSleep, secondsSince } from '../internal/blocking-sleep.js'

export const title = 'spawn(func1, 1, 2): cooperative sleeps overlap, blocking ones add up'

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

/**
 * With `monkey.patch_all()` the document's `time.sleep(2)` and `time.sleep(3)` become
 * cooperative and overlap (~3 s); without it they block the thread and add up (~5 s).
 * Node's honest equivalents: Strand's `sleep` (what a patched `time.sleep` does) and a
 * blocking `Atomics.wait`. Sleeps are scaled to 0.2 s and 0.3 s.
 */
export async function main(log: Log = console.log): Promise<void> {
  log(
    'With monkey.patch_all(): the sleeps (2 s and 3 s, scaled to 0.2 s and 0.3 s) are cooperative',
  )
  await run(log, sleep)
  log('Without patching: each sleep blocks the whole thread (Atomics.wait)')
  await run(log, blockingSleep)
}

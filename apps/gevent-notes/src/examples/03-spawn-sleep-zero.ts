import type { Log } from '@strand/demo-kit'
import { joinAll, sleep, spawn } from 'strand'

export const title = 'spawn foo and bar, sleep(0), joinAll'

/**
 * `sleep(0)` lets every other ready greenlet run once: foo yields to bar, bar yields back
 * to foo, and nobody calls `switch()` by hand.
 */
export async function main(log: Log = console.log): Promise<void> {
  async function foo(): Promise<void> {
    log('foo is running')
    await sleep(0)
    log('foo is ending')
  }
  async function bar(): Promise<void> {
    log('bar is running')
    await sleep(0)
    log('bar is ending')
  }
  const done = await joinAll([spawn(foo), spawn(bar)])
  log(`joinAll returned ${done.length} finished greenlets`)
}

import type { Log } from '@strand/demo-kit'
import { joinAll, sleep, spawn } from 'strand'

export const title = 'foo and bar hand control back and forth with sleep(0)'

/**
 * `sleep(0)` is the context switch: foo runs until it yields, bar runs until it yields,
 * and each resumes where it left off, with no callbacks in sight.
 */
export async function main(log: Log = console.log): Promise<void> {
  async function foo(): Promise<void> {
    log('Running in foo')
    await sleep(0)
    log('Explicit context switch to foo again')
  }
  async function bar(): Promise<void> {
    log('Explicit context to bar')
    await sleep(0)
    log('Implicit context switch back to bar')
  }
  await joinAll([spawn(foo), spawn(bar)])
}

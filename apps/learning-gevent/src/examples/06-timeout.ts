import type { Log } from '@strand/demo-kit'
import { sleep, spawn, Timeout } from 'strand'

export const title = 'Timeout: a limit on a block of code or a greenlet'

/** The document's 10 s Timeout and 10 s wait, scaled to 0.2 s: the Timeout wins. */
export async function main(log: Log = console.log): Promise<void> {
  const seconds = 0.2
  log('Timeout(10 s) around a 10 s wait (both scaled to 0.2 s)')
  const timeout = new Timeout(seconds)
  timeout.start()
  const g = spawn(() => sleep(seconds))
  try {
    await g.join()
    log('completed')
  } catch (err) {
    if (err !== timeout) throw err
    log('Could not complete')
  } finally {
    timeout.cancel()
    await g.kill()
  }
}

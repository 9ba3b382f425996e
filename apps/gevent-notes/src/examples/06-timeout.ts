import type { Log } from '@strand/demo-kit'
import { type Greenlet, sleep, spawn, Timeout } from 'strand'

export const title = 'Timeout: "Could not complete", and the timer is not reset'

/**
 * A Timeout started in main interrupts main's wait (here, `join`). The document's 10 s are
 * scaled to 0.2 s. Second part: the Timeout counts from its start, not per wait, so two
 * joins that each fit in it still time out together.
 */
export async function main(log: Log = console.log): Promise<void> {
  const seconds = 0.2
  log('Timeout(10 s) started; wait() sleeps 10 s (both scaled to 0.2 s)')
  const timeout = new Timeout(seconds)
  timeout.start()
  let g: Greenlet<void> = spawn(() => sleep(seconds))
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

  log('Same Timeout(10 s), but wait() sleeps 5 s (scaled to 0.12 s) and runs twice:')
  const again = Timeout.startNew(seconds)
  try {
    for (const run of [1, 2]) {
      g = spawn(() => sleep(0.12))
      await g.join()
      log(`run ${run} completed`)
    }
  } catch (err) {
    if (err !== again) throw err
    log('Could not complete: the timer kept counting from its start, it is not reset per run')
  } finally {
    again.cancel()
    await g.kill()
  }
}

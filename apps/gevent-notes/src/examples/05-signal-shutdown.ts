import type { Log } from '@strand/demo-kit'
import { type Greenlet, getHub, shutdown, signalHandler, sleep, spawn, spawnLater } from 'strand'

export const title = 'Signal handling: SIGQUIT calls shutdown()'

/**
 * `gevent.signal(signal.SIGQUIT, gevent.shutdown)` is `signalHandler('SIGQUIT', shutdown)`.
 * A greenlet sleeps for 1000 s and main joins it; the demo sends SIGQUIT to its own process
 * (as `kill -QUIT <pid>` or Ctrl-\ would) and shutdown() kills the sleeper, so main's join
 * returns at once.
 */
export async function main(log: Log = console.log): Promise<void> {
  // shutdown() ends by cancelling the hub's timers (it is meant to end the process), so
  // the demo waits for it to finish before the next example arms any.
  let shutdownDone!: () => void
  const finished = new Promise<void>((resolve) => {
    shutdownDone = resolve
  })
  const handler = signalHandler('SIGQUIT', async () => {
    log('SIGQUIT received: calling shutdown()')
    await shutdown()
    shutdownDone()
  })
  try {
    const started = getHub().clock.now()
    const thread: Greenlet<void> = spawn(async () => {
      try {
        await sleep(1000)
      } finally {
        log('run_forever: interrupted, unwinding')
      }
    })
    log('run_forever sleeps for 1000 s; main joins it')
    spawnLater(0.1, () => {
      log('sending SIGQUIT to this process (kill -QUIT <pid>)')
      process.kill(process.pid, 'SIGQUIT')
    })
    await thread.join()
    await finished
    const exit = thread.value as unknown
    const how = exit instanceof Error ? exit.name : String(exit)
    const waited = getHub().clock.now() - started
    log(
      `join returned: run_forever ended by ${how} after ${waited < 10 ? 'well under' : 'about'} 1000 s`,
    )
  } finally {
    handler.cancel()
  }
}

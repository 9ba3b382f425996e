import type { Log } from '@strand/demo-kit'
import { type Greenlet, shutdown, signalHandler, sleep, spawn, spawnLater } from 'strand'

export const title = 'Program shutdown on SIGQUIT with a long sleeper'

/**
 * Without a handler, a greenlet that never yields back could keep the program from ending
 * on SIGQUIT. With `signalHandler('SIGQUIT', shutdown)` the signal kills every greenlet and
 * main's `join` returns. The demo sends the signal to itself after 0.1 s.
 */
export async function main(log: Log = console.log): Promise<void> {
  // shutdown() ends by cancelling the hub's timers (it is meant to end the process), so
  // the demo waits for it to finish before the next example arms any.
  let shutdownDone!: () => void
  const finished = new Promise<void>((resolve) => {
    shutdownDone = resolve
  })
  const handler = signalHandler('SIGQUIT', async () => {
    log('SIGQUIT received: shutdown() kills every greenlet')
    await shutdown()
    shutdownDone()
  })
  try {
    const thread: Greenlet<void> = spawn(() => sleep(1000))
    log('run_forever: sleep(1000); main: thread.join()')
    spawnLater(0.1, () => {
      log('sending SIGQUIT to this process')
      process.kill(process.pid, 'SIGQUIT')
    })
    await thread.join()
    await finished
    const exit = thread.value as unknown
    log(
      `thread.join() returned: run_forever was ended by ${exit instanceof Error ? exit.name : String(exit)}`,
    )
  } finally {
    handler.cancel()
  }
}

import type { Log } from '@strand/demo-kit'
import { getHub, joinAll, sleep, spawn } from 'strand'

export const title = 'Greenlet state: started, ready(), successful(), value, exception'

/**
 * A winner that returns, a loser that throws and one that is killed while it sleeps. The
 * loser's exception does not escape `joinAll` (without `raiseError`): you read it from
 * `exception`. Should the hub report it as unobserved (gevent prints a traceback), the
 * report is printed here too. Killing with the default GreenletExit counts as success.
 */
export async function main(log: Log = console.log): Promise<void> {
  const hub = getHub()
  const report = hub.handleError
  hub.handleError = (err, g) => {
    log(`(the hub reports: greenlet "${g?.name}" failed with ${String(err)})`)
  }
  try {
    const winner = spawn(() => 'You win!')
    const loser = spawn((): string => {
      throw new Error('You fail at failing.')
    })
    const killed = spawn(() => sleep(60))
    winner.name = 'winner'
    loser.name = 'loser'
    killed.name = 'killed'

    log(`winner.started: ${winner.started}`)
    log(`loser.started: ${loser.started}`)
    try {
      await joinAll([winner, loser])
    } catch {
      log('This will never be reached')
    }
    await killed.kill()

    for (const g of [winner, loser, killed]) {
      const raw: unknown = g.value
      const value = raw instanceof Error ? raw.name : String(raw)
      const exception = g.exception === undefined ? 'undefined' : String(g.exception)
      log(
        `${g.name}: ready() ${g.ready()}, successful() ${g.successful()}, value ${value}, exception ${exception}`,
      )
    }
  } finally {
    hub.handleError = report
  }
}

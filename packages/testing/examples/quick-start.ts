// examples/quick-start.ts
import { joinAll, sleep, spawn } from '@strand/core'
import { explore, RaceFound, withVirtualTime } from '@strand/testing'

export async function main(log: (line: string) => void = console.log): Promise<void> {
  // Virtual time: an hour of one-minute sleeps, in a few milliseconds
  const elapsed = await withVirtualTime(async (clock) => {
    await spawn(async () => {
      for (let minute = 0; minute < 60; minute++) await sleep(60)
    }).join()
    return clock.now()
  })
  log(`slept ${elapsed} virtual seconds`)

  // A race: read the balance, await the "database", write it back
  const deposits = async () => {
    let balance = 0
    const deposit = async () => {
      const seen = balance
      await sleep(0.005)
      balance = seen + 1
    }
    const first = spawn(deposit)
    await sleep(0.008) // the second request comes later: on the plain schedule, no overlap
    await joinAll([first, spawn(deposit)])
    if (balance !== 2) throw new Error(`lost an update: balance ${balance}`)
  }
  await explore(deposits, { perturb: false, runs: 10 }) // today's schedule: passes
  log('the plain schedule passes')
  try {
    await explore(deposits, { seed: 3 }) // timers jittered by up to 10 ms
  } catch (err) {
    if (!(err instanceof RaceFound)) throw err
    log(`run ${err.run} fails (seed ${err.seed}): ${(err.cause as Error).message}`)
    try {
      await explore(deposits, { replay: err.seed })
    } catch (again) {
      const same = again instanceof RaceFound && again.trace.join() === err.trace.join()
      log(`the replay has the same ${err.trace.length}-step trace: ${same}`)
    }
  }
}

import { type Log, Random } from '@strand/demo-kit'
import { joinAll, sleep, spawn } from 'strand'

export const title = 'Synchronous vs asynchronous tasks with random 0-2 ms sleeps'

/**
 * Run in sequence the tasks finish in order and the total is the sum of the pauses; spawned
 * together they finish as their pauses end and the total is about the longest pause. The
 * PRNG is seeded, so the "random" order is the same on every run.
 */
export async function main(log: Log = console.log): Promise<void> {
  const random = new Random(3)
  async function task(pid: number): Promise<void> {
    await sleep(random.randint(0, 2) * 0.001)
    log(`Task ${pid} done`)
  }

  log('Synchronous:')
  for (let i = 1; i < 10; i++) await task(i)
  log('Asynchronous:')
  await joinAll(Array.from({ length: 10 }, (_, i) => spawn(task, i)))
  log('done')
}

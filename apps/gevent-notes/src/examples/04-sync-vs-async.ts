import { type Log, Random } from '@strand/demo-kit'
import { joinAll, sleep, spawn } from 'strand'

export const title = 'Synchronous vs asynchronous task(i) with random 0-20 ms sleeps'

/**
 * Ten tasks sleep 0, 10 or 20 ms each. Run one after another they finish in order; spawned
 * all at once they finish in the order their sleeps end. The PRNG is seeded, so the
 * "random" order is the same on every run.
 */
export async function main(log: Log = console.log): Promise<void> {
  const random = new Random(2024)

  async function task(num: number): Promise<void> {
    await sleep(random.randint(0, 2) * 0.01)
    log(`task ${num} is done!`)
  }

  for (let i = 0; i < 10; i++) await task(i)
  log('='.repeat(20))
  const threads = Array.from({ length: 10 }, (_, i) => spawn(task, i))
  await joinAll(threads)
}

import { type Log, Random } from '@strand/demo-kit'
import { getHub, JoinableQueue, joinAll, sleep, spawn } from 'strand'

export const title = 'asyncio worker queue: 20 random sleeps, 3 workers, queue.join()'

/** The demo sleeps a tenth of each document duration, to keep the tour short. */
const SCALE = 10

/**
 * Twenty random durations (0.05–1.0 s, seeded) go into a JoinableQueue; three workers take
 * them, sleep, and call `taskDone()`. `queue.join()` returns when all are done, then the
 * workers are killed (asyncio's `cancel()` + `gather`). Three sleeping side by side take
 * about a third of the total. Durations are printed in document seconds; the demo sleeps
 * a tenth of each, and the measured time is scaled back up.
 */
export async function main(log: Log = console.log): Promise<void> {
  const random = new Random(2019)
  const queue = new JoinableQueue<number>()
  log(`(sleeps scaled down ${SCALE}x: the demo sleeps a tenth of each duration shown)`)

  async function worker(name: string): Promise<void> {
    while (true) {
      const sleepFor = await queue.get()
      await sleep(sleepFor / SCALE)
      queue.taskDone()
      log(`${name} has slept for ${sleepFor.toFixed(2)} seconds`)
    }
  }

  let totalSleepTime = 0
  for (let i = 0; i < 20; i++) {
    const sleepFor = random.uniform(0.05, 1.0)
    totalSleepTime += sleepFor
    queue.putNowait(sleepFor)
  }

  const tasks = [0, 1, 2].map((i) => spawn(worker, `worker-${i}`))

  const clock = getHub().clock
  const startedAt = clock.now()
  await queue.join()
  const measured = clock.now() - startedAt

  for (const task of tasks) void task.kill()
  await joinAll(tasks)

  log('====')
  log(
    `3 workers slept in parallel for ~${(measured * SCALE).toFixed(2)} s (measured ~${measured.toFixed(3)} s, times ${SCALE})`,
  )
  log(`total expected sleep time: ${totalSleepTime.toFixed(2)} seconds`)
}

import type { Log } from '@strand/demo-kit'
import { Empty, joinAll, Queue, sleep, spawn } from 'strand'

export const title = 'Queue(maxsize 3): a boss hands out work to three workers'

/**
 * The boss blocks in `put()` whenever three tasks wait, so work is handed out as workers
 * free up. A worker that finds nothing for 1 s gets Empty from `get({ timeout: 1 })` and
 * quits.
 */
export async function main(log: Log = console.log): Promise<void> {
  const tasks = new Queue<number>({ maxsize: 3 })

  async function worker(n: string): Promise<void> {
    try {
      while (true) {
        const task = await tasks.get({ timeout: 1 }) // decrements queue size by 1
        log(`Worker ${n} got task ${task}`)
        await sleep(0)
      }
    } catch (err) {
      if (!(err instanceof Empty)) throw err
      log('Quitting time!')
    }
  }

  async function boss(): Promise<void> {
    for (let i = 1; i < 10; i++) await tasks.put(i)
    log('Assigned all work in iteration 1')
    for (let i = 10; i < 20; i++) await tasks.put(i)
    log('Assigned all work in iteration 2')
  }

  await joinAll([spawn(boss), spawn(worker, 'steve'), spawn(worker, 'john'), spawn(worker, 'bob')])
}

// examples/forgotten-task-done.ts
// A worker gives up on a slow job and forgets taskDone(): join() waits forever.
import { sleep, spawn, withTimeout } from '@strand/core'
import { JoinableQueue } from '@strand/queue'

const SLOW = Symbol('slow')

export async function forgottenTaskDone(): Promise<void> {
  const jobs = new JoinableQueue<number>({ items: [1, 2, 3] })
  const worker = spawn(async () => {
    for (;;) {
      await jobs.get()
      const outcome = await withTimeout(0.01, () => sleep(0.006), { timeoutValue: SLOW })
      if (outcome === SLOW) continue // gave up on a slow job… and forgot taskDone()
      jobs.taskDone()
    }
  })
  worker.name = 'worker'
  await jobs.join()
  await worker.kill()
}

/** taskDone() in `finally`: every job taken is done, however it ended. */
export async function forgottenTaskDoneFixed(): Promise<void> {
  const jobs = new JoinableQueue<number>({ items: [1, 2, 3] })
  const worker = spawn(async () => {
    for (;;) {
      await jobs.get()
      try {
        await withTimeout(0.01, () => sleep(0.006), { timeoutValue: SLOW })
      } finally {
        jobs.taskDone()
      }
    }
  })
  worker.name = 'worker'
  await jobs.join()
  await worker.kill()
}

// examples/check-then-act.ts
// Check-then-act on Queue.empty(): a worker sees an item, awaits something, then takes
// it; meanwhile the other worker took the last one, and getNowait() throws Empty.
import assert from 'node:assert/strict'
import { joinAll, sleep, spawn } from '@strand/core'
import { Queue } from '@strand/queue'

export async function checkThenAct(): Promise<void> {
  const jobs = new Queue<number>({ items: [1, 2, 3] })
  const done: number[] = []
  const worker = async () => {
    while (!jobs.empty()) {
      await sleep(0.001) // tell the metrics service a job starts
      const job = jobs.getNowait() // Empty if the other worker emptied the queue meanwhile
      await sleep(0.003) // the job itself
      done.push(job)
    }
  }
  const first = spawn(worker)
  await sleep(0.013) // a second worker joins when the first has been busy for a while
  await joinAll([first, spawn(worker)])
  assert.deepEqual(done.sort(), [1, 2, 3])
}

/** Take the item in the same turn as the check: nothing can run in between. */
export async function checkThenActFixed(): Promise<void> {
  const jobs = new Queue<number>({ items: [1, 2, 3] })
  const done: number[] = []
  const worker = async () => {
    while (!jobs.empty()) {
      const job = jobs.getNowait() // no await between the check and the take
      await sleep(0.001)
      await sleep(0.003)
      done.push(job)
    }
  }
  const first = spawn(worker)
  await sleep(0.013)
  await joinAll([first, spawn(worker)])
  assert.deepEqual(done.sort(), [1, 2, 3])
}

import { sleep, spawn } from '@strand/core'
import { JoinableQueue } from '@strand/queue'

const q = new JoinableQueue<string>({ items: ['a', 'b', 'c'] })
const worker = spawn(async () => {
  for await (const job of q) {
    await sleep(0.01) // the work
    console.log(`done ${job}`)
    q.taskDone() // one per item you got
  }
})
// join() waits until every item got its taskDone()
console.log(await q.join())
// => done a
// => done b
// => done c
// => true
console.log(q.unfinishedTasks) // => 0
q.shutdown() // the worker's loop ends: nothing is left waiting
await worker.join()

import { joinAll, spawn } from '@strand/core'
import { Queue } from '@strand/queue'

const jobs = new Queue<number>({ maxsize: 2 }) // put() waits while 2 are queued

const workers = [1, 2, 3].map((id) =>
  spawn(async () => {
    for await (const job of jobs) console.log(`worker ${id} got job ${job}`)
  }),
)
for (let job = 1; job <= 6; job++) await jobs.put(job)
jobs.shutdown() // workers drain what is left, then their loops end
await joinAll(workers)
// => worker 1 got job 1
// => worker 2 got job 2
// => worker 3 got job 3
// => worker 1 got job 4
// => worker 2 got job 5
// => worker 3 got job 6

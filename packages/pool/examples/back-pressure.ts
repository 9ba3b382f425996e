import { sleep } from '@strand/core'
import { Pool } from '@strand/pool'

async function handle(job: number): Promise<void> {
  await sleep(job / 100)
  console.log(`job ${job} done`)
}

const pool = new Pool(2)
for (const job of [1, 2, 3, 4]) {
  await pool.spawn(handle, job) // waits while 2 are running
  console.log(`job ${job} started, ${pool.freeCount()} free`)
}
// => job 1 started, 1 free
// => job 2 started, 0 free
// => job 1 done
// => job 3 started, 0 free
// => job 2 done
// => job 4 started, 0 free
await pool.join() // until every member is done
// => job 3 done
// => job 4 done
console.log(pool.size) // => 0

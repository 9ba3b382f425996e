import { joinAll, spawn } from '@strand/core'
import { RedisQueue } from '@strand/redis'

export async function main(url = 'redis://127.0.0.1:6379', log = console.log): Promise<void> {
  const name = 'thumbnails'
  // each worker could be another process, on another machine: same url, same name
  const workers = [1, 2, 3].map((id) =>
    spawn(async () => {
      await using jobs = await new RedisQueue<number>({ url, name }).connect()
      for await (const job of jobs) {
        log(`worker ${id} resized image ${job.item}`)
        await job.ack()
      }
    }),
  )
  await using jobs = await new RedisQueue<number>({ url, name, maxsize: 2 }).connect()
  for (let image = 1; image <= 6; image++) await jobs.put(image) // waits while 2 wait
  await jobs.join() // every image acknowledged
  await jobs.shutdown() // the workers' loops end
  await joinAll(workers)
  await jobs.destroy() // the queue's keys leave Redis
}

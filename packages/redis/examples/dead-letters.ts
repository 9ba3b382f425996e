import { RedisQueue } from '@strand/redis'

export async function main(url = 'redis://127.0.0.1:6379', log = console.log): Promise<void> {
  await using q = await new RedisQueue<string>({
    url,
    name: 'fragile',
    visibilityTimeout: 0.2, // seconds a delivery stays with its consumer
    maxDeliveries: 2, // then it goes to the dead-letter stream {fragile}:dead
  }).connect()
  await q.put('poison')
  for (let i = 0; i < 3; i++) {
    const d = await q.get({ timeout: 1 }).catch(() => null) // Empty on the third try
    if (d !== null) log(`delivery ${d.deliveries}: the handler crashed (no ack)`)
  }
  const [dead] = await q.deadLetters()
  log(`dead letter: ${dead?.item} after ${dead?.deliveries} deliveries (${dead?.reason})`)
  await q.destroy()
}

import { RedisQueue } from '@strand/redis'

export async function main(url = 'redis://127.0.0.1:6379', log = console.log): Promise<void> {
  await using mail = await new RedisQueue<{ to: string }>({ url, name: 'mail' }).connect()
  await mail.put({ to: 'ada@example.com' }) // in Redis now: any process can take it

  const d = await mail.get({ timeout: 5 }) // a Delivery: the item, its id, its count
  log(`sending to ${d.item.to} (delivery ${d.deliveries})`)
  await d.ack() // done: without this, it goes to another consumer after 30 s

  log(`all acknowledged: ${await mail.join({ timeout: 1 })}`)
}

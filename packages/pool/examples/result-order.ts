import { sleep } from '@strand/core'
import { Pool } from '@strand/pool'

async function snooze(ms: number): Promise<number> {
  await sleep(ms / 1000)
  return ms
}
const pool = new Pool(3)

const inInputOrder: number[] = []
for await (const x of pool.imap(snooze, [30, 10, 20])) inInputOrder.push(x)
console.log(inInputOrder) // => [ 30, 10, 20 ]

const asTheyFinish: number[] = []
for await (const x of pool.imapUnordered(snooze, [30, 10, 20])) asTheyFinish.push(x)
console.log(asTheyFinish) // => [ 10, 20, 30 ]

console.log(await pool.map(snooze, [30, 10, 20])) // => [ 30, 10, 20 ]

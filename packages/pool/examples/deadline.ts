import { sleep } from '@strand/core'
import { Pool, withTimeout } from '@strand/pool'

async function check(host: string): Promise<string> {
  try {
    await sleep(host === 'slow.example' ? 60 : 0.01)
    return `${host} is up`
  } finally {
    if (host === 'slow.example') console.log(`${host}: check stopped`)
  }
}
const hosts = ['a.example', 'slow.example', 'b.example']
const results = await withTimeout(0.1, () => new Pool(8).map(check, hosts), { timeoutValue: null })
// at the deadline, the task still running is killed (its finally runs) and you get null
// => slow.example: check stopped
console.log(results) // => null

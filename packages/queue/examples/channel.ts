import { sleep, spawn } from '@strand/core'
import { Channel, Full } from '@strand/queue'

const ch = new Channel<string>()
const sender = spawn(async () => {
  await ch.put('hello') // returns only once a receiver has taken it
  console.log('delivered')
})
await sleep(0.01)
console.log(ch.waitingPutters) // => 1
console.log(await ch.get()) // => hello
await sender.join() // => delivered
try {
  ch.putNowait('x') // nobody is waiting to take it
} catch (err) {
  console.log(err instanceof Full) // => true
}

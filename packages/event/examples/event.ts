import { joinAll, sleep, spawn } from '@strand/core'
import { Event } from '@strand/event'

const ready = new Event()
const waiters = [0, 1, 2].map((i) => spawn(async () => console.log(i, await ready.wait())))
await sleep(0) // the three are waiting now
ready.set() // never switches: you keep running
console.log('setter continues')
await joinAll(waiters)
// => setter continues
// => 0 true
// => 1 true
// => 2 true

// a timeout resolves false, it never throws
console.log(await new Event().wait({ timeout: 0.05 })) // => false

import { joinAll, sleep, spawn } from '@strand/core'
import { Semaphore } from '@strand/lock'

const sem = new Semaphore(2) // at most two at a time
let running = 0
let most = 0
const fetchOne = (id: number) =>
  sem.run(async () => {
    // acquire, run, release in finally
    most = Math.max(most, ++running)
    await sleep(0.01)
    running--
    return id * 10
  })
const fetches = [1, 2, 3].map((id) => spawn(fetchOne, id))
await joinAll(fetches)
console.log(
  fetches.map((g) => g.value),
  'at most',
  most,
  'at once',
) // => [ 10, 20, 30 ] at most 2 at once

console.log(await sem.acquire()) // => true
console.log(await sem.acquire({ blocking: false })) // => true
console.log(sem.counter) // => 0
console.log(await sem.acquire({ timeout: 0.01 })) // => false
sem.release()
sem.release()

{
  await using _ = await sem.hold() // released when the block ends
  console.log(sem.counter) // => 1
}
// waits until a unit is free, without taking it, and resolves the counter
console.log(await sem.waitAvailable()) // => 2

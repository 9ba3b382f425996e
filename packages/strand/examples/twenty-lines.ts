import { Pool, Queue, sleep, spawn, withTimeout } from 'strand'

const jobs = new Queue<number>({ maxsize: 3 }) // put() waits when full: back-pressure

const boss = spawn(async () => {
  for (let i = 1; i <= 9; i++) await jobs.put(i)
  jobs.shutdown() // workers drain, then stop
})

const pool = new Pool(3) // at most 3 jobs at once
const squares: number[] = []
for await (const square of pool.imapUnordered(async (n: number) => {
  await sleep(Math.random() / 10)
  return n * n
}, jobs))
  squares.push(square) // in the order they finish
console.log(squares.sort((a, b) => a - b).join(' ')) // => 1 4 9 16 25 36 49 64 81

await boss.join()
const slow = spawn(() => sleep(10))
console.log(await withTimeout(0.1, () => slow.get(), { timeoutValue: 'gave up' })) // => gave up
await slow.kill() // raises GreenletExit inside its sleep
console.log(slow.dead, slow.successful()) // => true true

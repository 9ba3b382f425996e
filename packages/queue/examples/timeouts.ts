import { Empty, Full, Queue } from '@strand/queue'

const q = new Queue<string>({ maxsize: 1 })
q.putNowait('a')
try {
  q.putNowait('b')
} catch (err) {
  console.log(err instanceof Full) // => true
}
await q.put('b', { timeout: 0.05 }).catch((err) => console.log(String(err)))
// => Full: Queue.put() found the queue still full after 0.05 seconds; wait longer, add consumers, or use a larger maxsize
await q.put('b', { block: false }).catch((err) => console.log(err instanceof Full)) // => true
console.log(q.getNowait()) // => a
await q.get({ timeout: 0.05 }).catch((err) => console.log(String(err)))
// => Empty: Queue.get() found the queue empty after 0.05 seconds; wait longer, or put() an item first
try {
  q.peekNowait()
} catch (err) {
  console.log(err instanceof Empty) // => true
}

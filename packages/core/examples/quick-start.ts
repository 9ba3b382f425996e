import { joinAll, sleep, spawn, Timeout } from '@strand/core'

const foo = spawn(async () => {
  console.log('foo is running')
  await sleep(0) // lets every other ready greenlet run once
  console.log('foo is ending')
})
const bar = spawn(async () => {
  console.log('bar is running')
  await sleep(0)
  console.log('bar is ending')
})
await joinAll([foo, bar])
// => foo is running
// => bar is running
// => foo is ending
// => bar is ending

const slow = spawn(() => sleep(10))
const t = Timeout.startNew(0.1) // raised at whatever this greenlet waits on in 0.1 s
try {
  await slow.join()
} catch (err) {
  if (err !== t) throw err
  console.log('Could not complete') // => Could not complete
} finally {
  t.cancel()
}
await slow.kill() // GreenletExit inside its sleep: nothing is left running
console.log(slow.dead) // => true

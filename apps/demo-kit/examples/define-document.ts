// A document of two examples, as an app's src/index.ts and src/main.ts write it.
import { defineDocument, runDocument } from '@strand/demo-kit'
import { sleep, spawn } from 'strand'

const fooBar = {
  title: 'foo and bar take turns',
  async main(log = console.log) {
    const foo = spawn(async () => {
      log('Running in foo')
      await sleep(0)
      log('Explicit context switch to foo again')
    })
    const bar = spawn(async () => {
      log('Explicit context to bar')
      await sleep(0)
      log('Implicit context switch back to bar')
    })
    await foo.join()
    await bar.join()
  },
}
const pause = {
  title: 'a short pause',
  async main(log = console.log) {
    await sleep(0.01)
    log('paused 10 ms')
  },
}

export const document = defineDocument('004', 'Python coroutines', { 1: fooBar, 3: pause })
console.log(document.examples.map((e) => e.id).join(' ')) // => 004#1 004#3
process.exitCode = (await runDocument(document)) ? 0 : 1
// => === 004 Python coroutines ===
// =>
// => --- 004#1 foo and bar take turns ---
// => Running in foo
// => Explicit context to bar
// => Explicit context switch to foo again
// => Implicit context switch back to bar
// =>
// => --- 004#3 a short pause ---
// => paused 10 ms

import { readFile } from 'node:fs'
import { spawn, spawnLater, Timeout } from '@strand/core'
import { AsyncResult } from '@strand/event'

const result = new AsyncResult<number>()
spawnLater(0.01, () => result.set(42))
console.log(await result.get()) // => 42

// not ready in time: get() rejects with Timeout, getNowait() throws it at once
await new AsyncResult().get({ timeout: 0.01 }).catch((err) => console.log(err instanceof Timeout)) // => true
try {
  new AsyncResult().getNowait()
} catch (err) {
  console.log(err instanceof Timeout) // => true
}

const failed = new AsyncResult()
failed.setException(new Error('boom'))
// wait() never throws the exception: it resolves undefined; get() rejects with it
console.log(await failed.wait()) // => undefined
await failed.get().catch((err) => console.log(err.message)) // => boom

// Node-style callbacks:
const file = new AsyncResult<Buffer>()
readFile('package.json', file.callback())
console.log(JSON.parse(String(await file.get())).name) // => @strand/event

// As the link target of a greenlet (gevent's `g.link(AsyncResult())`):
const g = spawn(() => 7)
const out = new AsyncResult<number>()
g.link((g) => out.settleFrom(g))
console.log(await out.get()) // => 7

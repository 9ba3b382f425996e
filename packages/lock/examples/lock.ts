import { Lock, RLock } from '@strand/lock'

const lock = new Lock()
await lock.run(() => console.log(lock.locked())) // => true
try {
  lock.release() // not held: a bug, caught here
} catch (err) {
  console.log(String(err))
  // => ValueError: Semaphore released too many times: its counter would exceed its initial value 1; release only what you acquired
}

const r = new RLock()
await r.acquire()
await r.acquire() // re-entrant for the same greenlet
r.release()
r.release()
try {
  r.release() // once more than acquired
} catch (err) {
  console.log(String(err)) // => NotOwnerError: Cannot release an RLock that is not held; call acquire() first
}

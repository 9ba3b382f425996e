/**
 * The watchdog thread (run with `eval`): it sleeps on the heartbeat the main thread
 * bumps every `periodMs`. No beat for `limitMs` means the main thread is stuck in one
 * synchronous stretch, since its timer could not run: it raises the flag (slot 1) and
 * sleeps until the next beat. Only a separate thread can see this while it happens.
 */
export const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads')
const beat = new Int32Array(workerData.buffer)
const limit = workerData.limitMs
let seen = Atomics.load(beat, 0)
for (;;) {
  Atomics.wait(beat, 0, seen, limit)
  const now = Atomics.load(beat, 0)
  if (now === seen) {
    Atomics.store(beat, 1, 1)
    Atomics.wait(beat, 0, seen)
  }
  seen = Atomics.load(beat, 0)
}
`

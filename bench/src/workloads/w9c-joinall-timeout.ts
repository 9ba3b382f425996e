// W9c: N greenlets each call `joinAll([g], { timeout })` on ONE greenlet that sleeps
// past the timeout, so every join times out and stops observing g. Flat per waiter, or
// quadratic if each unlink searches the shared list.

import { joinAll, sleep, spawn } from 'strand'
import { timeoutWorkload } from '../internal/timeouts.js'

export const workload = timeoutWorkload('W9c', 'joinAll([g], { timeout }) on one greenlet', () => {
  const g = spawn(async () => {
    await sleep(60)
  })
  return {
    waitOnce: async (timeout) => (await joinAll([g], { timeout })).length === 0,
    close: () => g.kill(),
  }
})

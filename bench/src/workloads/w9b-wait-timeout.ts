// W9b: N greenlets each call `wait([ev], { timeout })` on ONE Event that is never set,
// so every wait times out and unlinks itself from the Event. The cost per waiter must not
// grow with the number of waiters sharing the Event (a linear search per unlink makes it
// quadratic). W9c does the same with joinAll on one greenlet, W9d with ev.wait.

import { Event, wait } from 'strand'
import { timeoutWorkload } from '../internal/timeouts.js'

export const workload = timeoutWorkload('W9b', 'wait([ev], { timeout }) on one Event', () => {
  const ev = new Event()
  return {
    waitOnce: async (timeout) => (await wait([ev], { timeout })).length === 0,
  }
})

// W9d: the control for W9b — N greenlets each call `ev.wait({ timeout })` on ONE Event
// (the Event's own wait list, not a link per waiter). Flat per waiter.

import { Event } from 'strand'
import { timeoutWorkload } from '../internal/timeouts.js'

export const workload = timeoutWorkload('W9d', 'ev.wait({ timeout }) on one Event', () => {
  const ev = new Event()
  return { waitOnce: async (timeout) => !(await ev.wait({ timeout })) }
})

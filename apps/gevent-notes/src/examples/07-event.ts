import type { Log } from '@strand/demo-kit'
import { Event, joinAll, sleep, spawn } from 'strand'

export const title = 'Event: one server, two clients waiting for the data'

/**
 * Both clients wait on one Event; the server prepares data for 3 s and sets it. `set()`
 * wakes every waiter, in the order they started waiting.
 */
export async function main(log: Log = console.log): Promise<void> {
  const evt = new Event()
  async function server(): Promise<void> {
    log('i am preparing data. (3 s)')
    await sleep(3)
    evt.set()
  }
  async function client(): Promise<void> {
    log('client')
    await evt.wait()
    log('get data')
  }
  await joinAll([spawn(server), spawn(client), spawn(client)])
}

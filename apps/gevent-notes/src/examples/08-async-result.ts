import type { Log } from '@strand/demo-kit'
import { AsyncResult, joinAll, sleep, spawn } from 'strand'

export const title = 'AsyncResult: an Event that carries a value'

/** The client blocks in `get()` until the server, 2 s later, sets "Hello,world.". */
export async function main(log: Log = console.log): Promise<void> {
  const a = new AsyncResult<string>()
  async function server(): Promise<void> {
    log('i am preparing data. (2 s)')
    await sleep(2)
    a.set('Hello,world.')
  }
  async function client(): Promise<void> {
    log('client')
    log(await a.get())
  }
  await joinAll([spawn(server), spawn(client)])
}

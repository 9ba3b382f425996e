import type { Log } from '@strand/demo-kit'
import { getCurrent, joinAll, sleep, spawn } from 'strand'

export const title = '"Dummy threads": the current greenlet in each task and in main'

/**
 * Under monkey patching `current_thread()` in a greenlet is a DummyThread; in Strand ask
 * for the current greenlet: each spawned one has its own name, code outside any greenlet
 * runs in the root one, "main". (The document's 2 s and 3 s sleeps are scaled to 0.02 s.)
 */
export async function main(log: Log = console.log): Promise<void> {
  const func1 = async (): Promise<void> => {
    log(`func1 current greenlet ${getCurrent().name}`)
    await sleep(0.02)
  }
  const func2 = async (): Promise<void> => {
    log(`func2 current greenlet ${getCurrent().name}`)
    await sleep(0.03)
  }
  log(`main thread ${getCurrent().name}`)
  await joinAll([spawn(func1), spawn(func2)])
}

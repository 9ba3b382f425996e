import { threadId } from 'node:worker_threads'
import type { Log } from '@strand/demo-kit'
import { getHub, joinAll, sleep, spawn } from 'strand'

export const title = 'asyncio: hello() twice, concurrently, in one thread'

/**
 * Two `hello()` coroutines run concurrently in the same thread: both print "Hello world!",
 * both sleep 1 s at the same time, both print "Hello again!", ~1 s in all, not 2.
 * (asyncio's `run_until_complete(wait([...]))` is `joinAll([spawn(...), ...])`.)
 */
export async function main(log: Log = console.log): Promise<void> {
  const mainThread = threadId
  const clock = getHub().clock
  const start = clock.now()
  async function hello(): Promise<void> {
    log(`Hello world! (same thread as main: ${threadId === mainThread})`)
    await sleep(1)
    log(`Hello again! (same thread as main: ${threadId === mainThread})`)
  }
  await joinAll([spawn(hello), spawn(hello)])
  log(`both done after ~${(clock.now() - start).toFixed(1)} s`)
}

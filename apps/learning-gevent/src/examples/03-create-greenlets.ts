import type { Log } from '@strand/demo-kit'
import { Greenlet, getHub, joinAll, sleep, spawn } from 'strand'

export const title = 'Three ways to create greenlets, then joinAll'

/**
 * `Greenlet.spawn`, `spawn` and a lambda: all three start on the hub's next turn and run
 * side by side, so "Hello" comes after 1 s, "I live!" after 2 s, and the whole takes ~2 s.
 */
export async function main(log: Log = console.log): Promise<void> {
  const clock = getHub().clock
  const start = clock.now()
  async function foo(message: string, n: number): Promise<void> {
    await sleep(n)
    log(`${message} (after ~${(clock.now() - start).toFixed(1)} s)`)
  }
  const thread1 = Greenlet.spawn(foo, 'Hello', 1)
  const thread2 = spawn(foo, 'I live!', 2)
  const thread3 = spawn((x: number) => x + 1, 2)
  await joinAll([thread1, thread2, thread3])
  log(
    `thread3 (the lambda) returned ${thread3.value}; all joined after ~${(clock.now() - start).toFixed(1)} s`,
  )
}

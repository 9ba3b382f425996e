// examples/quick-start.ts — apply, map, a Timeout that stops a thread, an error from a worker.
import { sleep, spawn, withTimeout } from '@strand/core'
import { ThreadPool } from '@strand/threadpool'

export async function main(log = console.log): Promise<void> {
  await using pool = new ThreadPool<typeof import('./tasks.js')>({
    filename: new URL('./tasks.js', import.meta.url),
    size: 2,
  })

  log(await pool.apply('digest', ['strand', 1000])) // type-checked: digest(text, rounds)
  log(await pool.map('fib', [10, 20, 25]))

  // fib(60) would run for hours: the Timeout ends its thread, the pool starts a new one
  let ticks = 0
  const ticker = spawn(async () => {
    for (;;) {
      await sleep(0.02)
      ticks++
    }
  })
  log(await withTimeout(0.3, () => pool.apply('fib', [60]), { timeoutValue: 'fib(60): stopped' }))
  await ticker.kill()
  log(ticks >= 5 ? 'other greenlets ran meanwhile' : `only ${ticks} ticks`)

  try {
    await pool.apply('reserve', [4096])
  } catch (err) {
    const e = err as Error & { code?: string }
    log(`${e.name} ${e.code}: ${e.message}`)
  }
}

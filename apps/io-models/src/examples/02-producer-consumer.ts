import type { Log } from '@strand/demo-kit'
import { secondsSince } from '../internal/blocking-sleep.js'

export const title = 'Producer/consumer: a plain list vs a generator driven by send'

function elapsed(start: number): string {
  return `~${secondsSince(start).toExponential(2)} s`
}

/**
 * The same five items, first collected in a list and consumed afterwards, then handed one
 * by one to a generator with `next(item)` (Python's `send`). Switching costs a little and
 * gains nothing here: there is no waiting to overlap.
 */
export async function main(log: Log = console.log): Promise<void> {
  log('A plain list:')
  let start = performance.now()
  const dataList: number[] = []
  for (let item = 0; item < 5; item++) dataList.push(item)
  for (const item of dataList) log(`consume ${item}`)
  log(`time spent ${elapsed(start)}`)

  log('A generator driven by send:')
  start = performance.now()
  function* consumer(): Generator<void, void, number> {
    while (true) {
      const res = yield
      log(`consume ${res}`)
    }
  }
  const gen = consumer()
  gen.next()
  for (let item = 0; item < 5; item++) {
    log(`produce ${item}`)
    gen.next(item)
  }
  log(`time spent ${elapsed(start)}`)
}

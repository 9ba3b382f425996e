import type { Log } from '@strand/demo-kit'
import { blockingSleep, secondsSince } from '../internal/blocking-sleep.js'

export const title = 'A consumer that blocks 2 s per item: switching is not concurrency'

/**
 * The consumer blocks (an unpatched `time.sleep(2)`, scaled to 0.2 s) on every item, and a
 * generator cannot switch away while it blocks: five items take five blocks, ~10 s in the
 * document, ~1 s here.
 */
export async function main(log: Log = console.log): Promise<void> {
  const seconds = 0.2
  log(`(each time.sleep(2) is scaled to ${seconds} s)`)
  function* consumer(): Generator<void, void, number> {
    while (true) {
      yield
      blockingSleep(seconds)
    }
  }
  const start = performance.now()
  const gen = consumer()
  gen.next()
  for (let item = 0; item < 5; item++) {
    log(`producer at ~${secondsSince(start).toFixed(1)} s produces ${item}`)
    gen.next(item)
  }
  log(`time spent ~${secondsSince(start).toFixed(2)} s`)
}

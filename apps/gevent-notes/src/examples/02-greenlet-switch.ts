import type { Log } from '@strand/demo-kit'
import { RawGreenlet } from 'strand'

export const title = 'greenlet switching: foo1 and foo2'

/**
 * Explicit, symmetric switching as in the `greenlet` module. foo1 switches to foo2, foo2
 * switches back to foo1, foo1 ends and control returns to its parent (main): nobody ever
 * switches back to foo2, so "foo2.2" is never printed.
 */
export async function main(log: Log = console.log): Promise<void> {
  const gr1: RawGreenlet = new RawGreenlet(async () => {
    log('foo1.1')
    await gr2.switch()
    log('foo1.2')
  })
  const gr2: RawGreenlet = new RawGreenlet(async () => {
    log('foo2.1')
    await gr1.switch()
    log('foo2.2')
  })
  await gr1.switch()
  log(`(back in main; gr1.dead = ${gr1.dead}, gr2.dead = ${gr2.dead}: foo2.2 never prints)`)
}

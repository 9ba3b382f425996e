import type { Log } from '@strand/demo-kit'
import { RawGreenlet } from 'strand'

export const title = 'greenlet switching: g1 and g2 print 1 2 3 4'

/**
 * `g.switch()` hands control to another greenlet and comes back when someone switches to
 * you again: easier than generators, but every switch is still yours to write.
 */
export async function main(log: Log = console.log): Promise<void> {
  const g1: RawGreenlet = new RawGreenlet(async () => {
    log('1')
    await g2.switch()
    log('3')
    await g2.switch()
  })
  const g2: RawGreenlet = new RawGreenlet(async () => {
    log('2')
    await g1.switch()
    log('4')
  })
  await g1.switch()
}

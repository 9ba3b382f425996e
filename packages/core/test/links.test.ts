import { describe, expect, it } from 'vitest'
import { StrandError, sleep, type Waitable } from '../src/index.js'
import { Links, markAsStrandError } from '../src/internal.js'

class Flag implements Waitable {
  on = false
  readonly links = new Links(this, true)
  ready(): boolean {
    return this.on
  }
  rawlink(cb: (w: Waitable) => void): void {
    this.links.add(cb)
  }
  unlink(cb: (w: Waitable) => void): void {
    this.links.remove(cb)
  }
  set(): void {
    this.on = true
    this.links.schedule()
  }
}

describe('Links', () => {
  it('calls each callback once, in order, from the hub, after the setter waits', async () => {
    const flag = new Flag()
    const calls: string[] = []
    flag.rawlink(() => calls.push('a'))
    flag.rawlink(() => calls.push('b'))
    flag.set()
    expect(calls).toEqual([])
    await sleep(0)
    expect(calls).toEqual(['a', 'b'])
    flag.set()
    await sleep(0)
    expect(calls).toEqual(['a', 'b'])
  })

  it('skips a callback unlinked by an earlier one in the same round', async () => {
    const flag = new Flag()
    const calls: string[] = []
    const later = () => calls.push('later')
    flag.rawlink(() => {
      calls.push('first')
      flag.unlink(later)
    })
    flag.rawlink(later)
    flag.set()
    await sleep(0)
    expect(calls).toEqual(['first'])
  })

  it('fires soon for a callback added when already ready', async () => {
    const flag = new Flag()
    flag.set()
    const calls: string[] = []
    flag.rawlink(() => calls.push('late'))
    await sleep(0)
    expect(calls).toEqual(['late'])
  })
})

describe('markAsStrandError()', () => {
  it('makes a foreign error class pass StrandError.is', () => {
    class Odd extends RangeError {}
    expect(StrandError.is(new Odd())).toBe(false)
    markAsStrandError(Odd)
    expect(StrandError.is(new Odd())).toBe(true)
    expect(StrandError.is(new RangeError())).toBe(false)
  })
})

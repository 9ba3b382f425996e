import { inspect } from 'node:util'
import { sleep, spawn } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { AsyncResult, Event } from '../src/index.js'

describe('util.inspect', () => {
  it('shows an Event by flag and waiters', async () => {
    const ev = new Event()
    const g = spawn(() => ev.wait())
    await sleep(0)
    expect(inspect(ev)).toBe('Event(clear, 1 waiter waiting)')
    ev.set()
    expect(inspect(ev)).toBe('Event(set, 0 waiters waiting)')
    await g.join()
  })

  it('shows an AsyncResult by outcome', () => {
    const r = new AsyncResult<number>()
    expect(inspect(r)).toBe('AsyncResult(unset, 0 waiters waiting)')
    r.set(42)
    expect(inspect(r)).toBe('AsyncResult(value 42)')
    const bad = new AsyncResult()
    bad.setException(new TypeError('x'))
    expect(inspect(bad)).toBe('AsyncResult(failed with TypeError)')
  })
})

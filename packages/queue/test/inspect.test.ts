import { inspect } from 'node:util'
import { sleep, spawn } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { Channel, Queue } from '../src/index.js'

describe('util.inspect', () => {
  it('shows a Queue by bound, items and waiters, not its internals', async () => {
    const q = new Queue<number>({ maxsize: 3, items: [1, 2] })
    expect(inspect(q)).toBe('Queue(maxsize 3, 2 items)')
    const empty = new Queue<number>()
    const g = spawn(() => empty.get())
    await sleep(0)
    expect(inspect(empty)).toBe('Queue(unbounded, 0 items, 1 getter waiting)')
    empty.putNowait(1)
    await g.join()
    expect(inspect(new Channel())).toBe('Channel(maxsize 0, 0 items)')
  })
})

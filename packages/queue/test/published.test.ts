import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const dist = fileURLToPath(new URL('../dist/', import.meta.url))

describe.skipIf(!existsSync(`${dist}index.js`))('the published build', () => {
  it('keeps each kind its own buffer and capacity', async () => {
    const q = (await import(`${dist}index.js`)) as typeof import('../src/index.js')
    const lifo = new q.LifoQueue<number>({ items: [1, 2, 3] })
    const heap = new q.PriorityQueue<number>({ items: [3, 1, 2] })
    const fifo = new q.JoinableQueue<number>({ items: [1, 2, 3] })
    expect([lifo.getNowait(), heap.getNowait(), fifo.getNowait()]).toEqual([3, 1, 1])
    const ch = new q.Channel<number>()
    expect([ch.maxsize, ch.full(), ch.empty()]).toEqual([0, true, true])
    expect(() => ch.putNowait(1)).toThrow(q.Full)
  })

  it('declares only the public constructor of Queue', () => {
    const types = readFileSync(`${dist}index.d.ts`, 'utf8')
    expect(types).not.toMatch(/ItemBuffer|_createBuffer|_initCapacity|_buffer|_capacity/)
    expect(types).toContain('constructor(opts?: QueueOptions<T>);')
  })
})

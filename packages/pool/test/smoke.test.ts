import { sleep, spawn } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { Group, Pool } from '../src/index.js'

describe('smoke', () => {
  it('E66', async () => {
    const out: unknown[] = []
    const p = new Pool(2)
    const t0 = performance.now()
    const job = async (i: number, s: number) => {
      out.push(['start', i])
      await sleep(s)
      out.push(['end', i])
    }
    for (const [i, s] of [
      [0, 0.03],
      [1, 0.01],
      [2, 0.02],
    ] as const) {
      await p.spawn(job, i, s)
      out.push(['spawned', i, p.freeCount()])
    }
    await p.join()
    console.log(JSON.stringify(out), performance.now() - t0)
  })
  it('imap', async () => {
    const p = new Pool(3)
    const f = async (ms: number) => {
      await sleep(ms / 1000)
      return ms
    }
    const a = []
    for await (const x of p.imap(f, [30, 10, 20])) a.push(x)
    const b = []
    for await (const x of p.imapUnordered(f, [30, 10, 20])) b.push(x)
    expect(a).toEqual([30, 10, 20])
    expect(b).toEqual([10, 20, 30])
    expect(await p.map(f, [3, 1, 2])).toEqual([3, 1, 2])
    expect(await new Group().map(f, [3, 1, 2])).toEqual([3, 1, 2])
    async function* gen() {
      for (let i = 0; ; i++) yield i
    }
    const c = []
    for await (const x of p.imapUnordered(async (x: number) => {
      await sleep(0)
      return x
    }, gen())) {
      c.push(x)
      if (c.length === 10) break
    }
    expect(c.length).toBe(10)
    expect(p.size).toBe(0)
  })
})

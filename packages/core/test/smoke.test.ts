import { describe, expect, it } from 'vitest'
import { getCurrent, GreenletExit, joinAll, killAll, RawGreenlet, sleep, spawn, Timeout, withTimeout, wait, iwait, getHub } from '../src/index.js'

describe('smoke', () => {
  it('orders', async () => {
    const out: string[] = []
    const f = (n: string) => async () => { out.push(`${n}A`); await sleep(0); out.push(`${n}B`) }
    const a = spawn(f('1')); const b = spawn(f('2'))
    out.push('main')
    await joinAll([a, b])
    expect(out).toEqual(['main', '1A', '2A', '1B', '2B'])
  })
  it('kill while sleeping', async () => {
    const out: string[] = []
    const g = spawn(async () => { try { await sleep(10) } catch (e) { out.push(String(e instanceof GreenletExit)) ; throw e } })
    await sleep(0.01)
    await g.kill()
    expect(out).toEqual(['true'])
    expect(g.dead).toBe(true)
    expect(g.successful()).toBe(true)
    expect(getHub().stats().timers).toBe(0)
  })
  it('timeout', async () => {
    const t = Timeout.startNew(0.02)
    await expect(sleep(1)).rejects.toBe(t)
    expect(await withTimeout(0.01, () => sleep(1), { timeoutValue: 'x' })).toBe('x')
  })
  it('names', async () => {
    expect(getCurrent().name).toBe('main')
    const g = spawn(() => getCurrent().name)
    expect(await g.get()).toBe(g.name)
  })
  it('raw', async () => {
    const out: string[] = []
    const gr1: RawGreenlet = new RawGreenlet(async () => { out.push('foo1.1'); await gr2.switch(); out.push('foo1.2') })
    const gr2: RawGreenlet = new RawGreenlet(async () => { out.push('foo2.1'); await gr1.switch(); out.push('foo2.2') })
    await gr1.switch()
    expect(out).toEqual(['foo1.1', 'foo2.1', 'foo1.2'])
  })
  it('iwait', async () => {
    const gs = [0.03, 0.01, 0.02].map((s, i) => spawn(async () => { await sleep(s); return i }))
    const order: number[] = []
    for await (const g of iwait(gs)) order.push(await g.get())
    expect(order).toEqual([1, 2, 0])
    const gs2 = [spawn(() => sleep(0.02)), spawn(() => sleep(0.01))]
    expect(await wait(gs2, { count: 1 })).toEqual([gs2[1]])
  })
  it('killAll many', async () => {
    const gs = Array.from({ length: 10000 }, () => spawn(() => sleep(60)))
    await sleep(0)
    const t0 = performance.now()
    await killAll(gs)
    console.log('killAll 10k ms', performance.now() - t0)
    expect(gs.every((g) => g.dead)).toBe(true)
    expect(getHub().stats()).toMatchObject({ timers: 0, live: 0 })
  })
})

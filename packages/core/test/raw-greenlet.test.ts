import { describe, expect, it } from 'vitest'
import { RawGreenlet } from '../src/index.js'

describe('RawGreenlet', () => {
  it('switches explicitly; a greenlet nobody switches back to never finishes', async () => {
    const out: string[] = []
    const gr1: RawGreenlet = new RawGreenlet(async () => {
      out.push('foo1.1')
      await gr2.switch()
      out.push('foo1.2')
    })
    const gr2: RawGreenlet = new RawGreenlet(async () => {
      out.push('foo2.1')
      await gr1.switch()
      out.push('foo2.2')
    })
    await gr1.switch()
    expect(out).toEqual(['foo1.1', 'foo2.1', 'foo1.2'])
    expect(gr1.dead).toBe(true)
    expect(gr2.dead).toBe(false)
  })

  it('passes values both ways and returns the result to the parent', async () => {
    const out: unknown[] = []
    const echo = new RawGreenlet(async (self, first) => {
      out.push(first)
      const parent = self.parent as RawGreenlet
      const second = await parent.switch('to parent')
      out.push(second)
      return 'result'
    })
    out.push(await echo.switch('hello'))
    out.push(await echo.switch('again'))
    expect(out).toEqual(['hello', 'to parent', 'again', 'result'])
  })

  it('throws a failure into the parent', async () => {
    const g = new RawGreenlet(async () => {
      throw new Error('inner')
    })
    await expect(g.switch()).rejects.toThrow('inner')
    expect(g.dead).toBe(true)
    await expect(g.switch()).rejects.toThrow(/dead/)
  })

  it('ping-pongs a producer and a consumer', async () => {
    const log: string[] = []
    const consumer: RawGreenlet = new RawGreenlet(async (_self, item) => {
      for (let i = 0; i < 3; i++) {
        log.push(`consumed ${item}`)
        item = await producer.switch()
      }
    })
    const producer: RawGreenlet = new RawGreenlet(async () => {
      for (const item of ['a', 'b', 'c']) {
        log.push(`produced ${item}`)
        await consumer.switch(item)
      }
    })
    await producer.switch()
    expect(log).toEqual([
      'produced a',
      'consumed a',
      'produced b',
      'consumed b',
      'produced c',
      'consumed c',
    ])
  })

  it('rejects a non-function', () => {
    expect(() => new RawGreenlet(3 as never)).toThrow(/Expected `run` to be a function/)
  })
})

import { describe, expect, it } from 'vitest'
import { Greenlet, GreenletExit, getCurrent, getHub, sleep, spawn, Timeout } from '../src/index.js'

function state(g: Greenlet) {
  return {
    started: g.started,
    ready: g.ready(),
    successful: g.successful(),
    dead: g.dead,
    value: g.value,
    exception: g.exception,
  }
}

describe('Greenlet', () => {
  describe('lifecycle', () => {
    it('moves through created, started, finished like gevent', async () => {
      const g = new Greenlet(async () => {
        await sleep(0.01)
        return 5
      })
      expect(state(g)).toEqual({
        started: false,
        ready: false,
        successful: false,
        dead: false,
        value: undefined,
        exception: undefined,
      })
      g.start()
      expect(g.started).toBe(true)
      expect(g.dead).toBe(false)
      await sleep(0.001)
      expect(g.started).toBe(true)
      expect(g.ready()).toBe(false)
      await g.join()
      expect(state(g)).toEqual({
        started: false,
        ready: true,
        successful: true,
        dead: true,
        value: 5,
        exception: undefined,
      })
    })

    it('records the exception of a failing greenlet', async () => {
      const err = Object.assign(new Error('boom'), { myattr: 5 })
      const g = spawn(async () => {
        throw err
      })
      await g.join()
      expect(g.ready()).toBe(true)
      expect(g.successful()).toBe(false)
      expect(g.value).toBeUndefined()
      expect(g.exception).toBe(err)
      await expect(g.get()).rejects.toBe(err)
    })

    it('does not run the function synchronously on spawn', async () => {
      const log: string[] = []
      spawn(() => log.push('ran'))
      log.push('after spawn')
      await sleep(0)
      expect(log).toEqual(['after spawn', 'ran'])
    })

    it('runs a synchronous function too', async () => {
      expect(await spawn((a: number, b: number) => a + b, 2, 3).get()).toBe(5)
    })

    it('ignores start() on a running or finished greenlet', async () => {
      let runs = 0
      const g = spawn(() => {
        runs++
      })
      g.start()
      await g.join()
      g.start()
      await sleep(0)
      expect(runs).toBe(1)
    })

    it('starts later with startLater()', async () => {
      const log: string[] = []
      const g = new Greenlet(() => log.push('late')).startLater(0.02)
      await sleep(0.005)
      expect(log).toEqual([])
      await g.join()
      expect(log).toEqual(['late'])
    })

    it('treats ending by GreenletExit as success with the exit as value', async () => {
      const exit = new GreenletExit('bye')
      const g = spawn(() => {
        throw exit
      })
      await g.join()
      expect(g.successful()).toBe(true)
      expect(g.value).toBe(exit)
    })
  })

  describe('name', () => {
    it('is Greenlet-N unless set', async () => {
      const a = spawn(() => undefined)
      const b = spawn(() => undefined)
      expect(a.name).toMatch(/^Greenlet-\d+$/)
      const [, na] = a.name.split('-')
      const [, nb] = b.name.split('-')
      expect(Number(nb)).toBeGreaterThan(Number(na))
      b.name = 'worker'
      expect(b.name).toBe('worker')
      expect(String(b)).toContain('worker')
    })

    it('is "main" for code outside any greenlet', () => {
      expect(getCurrent().name).toBe('main')
    })

    it('is seen by getCurrent() inside the greenlet, across awaits', async () => {
      const g = spawn(async () => {
        const before = getCurrent()
        await sleep(0.001)
        await Promise.resolve()
        return before === getCurrent() ? getCurrent().name : 'lost'
      })
      g.name = 'inner'
      expect(await g.get()).toBe('inner')
    })
  })

  describe('get()', () => {
    it('waits for the value', async () => {
      const g = spawn(async () => {
        await sleep(0.01)
        return 'v'
      })
      expect(await g.get()).toBe('v')
    })

    it('rejects with a Timeout when not ready and block is false', async () => {
      const g = spawn(() => sleep(1))
      await expect(g.get({ block: false })).rejects.toBeInstanceOf(Timeout)
      void g.kill()
    })

    it('returns the GreenletExit of a killed greenlet', async () => {
      const g = spawn(() => sleep(1))
      await sleep(0)
      await g.kill()
      expect(await g.get()).toBeInstanceOf(GreenletExit)
    })

    it('throws synchronously when a greenlet waits for itself', async () => {
      const g: Greenlet = spawn(async () => {
        try {
          await g.get()
          return 'no error'
        } catch (err) {
          return (err as Error).name
        }
      })
      expect(await g.get()).toBe('RangeError')
    })
  })

  describe('join()', () => {
    it('resolves true once dead and false on timeout, never throwing', async () => {
      const fails = spawn(async () => {
        throw new Error('x')
      })
      expect(await fails.join()).toBe(true)
      const slow = spawn(() => sleep(1))
      expect(await slow.join({ timeout: 0.01 })).toBe(false)
      void slow.kill()
    })

    it('wakes many joiners in the order they joined', async () => {
      const target = spawn(() => sleep(0.01))
      const order: number[] = []
      const joiners = [0, 1, 2, 3].map((i) =>
        spawn(async () => {
          await target.join()
          order.push(i)
        }),
      )
      for (const j of joiners) await j.join()
      expect(order).toEqual([0, 1, 2, 3])
    })
  })

  describe('bad input', () => {
    it('rejects a non-function synchronously', () => {
      expect(() => spawn(1 as never)).toThrow(/Expected `fn` to be a function, got `1` \(number\)/)
      expect(() => new Greenlet(undefined as never)).toThrow(TypeError)
    })

    it('rejects negative, NaN and non-number seconds naming the parameter', () => {
      const g = new Greenlet(() => undefined)
      expect(() => g.join({ timeout: -1 })).toThrow(/`timeout`.*`-1`/)
      expect(() => g.get({ timeout: Number.NaN })).toThrow(RangeError)
      expect(() => g.startLater('1' as never)).toThrow(TypeError)
      expect(() => sleep(-0.5)).toThrow(/Expected `seconds`/)
    })
  })

  it('is not thenable', () => {
    expect('then' in spawn(() => undefined)).toBe(false)
  })

  it('has a hub', () => {
    expect(spawn(() => undefined).hub).toBe(getHub())
  })
})

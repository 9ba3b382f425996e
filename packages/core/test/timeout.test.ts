import { describe, expect, it } from 'vitest'
import {
  getCurrent,
  joinAll,
  StrandError,
  sleep,
  spawn,
  Timeout,
  withTimeout,
} from '../src/index.js'

describe('Timeout', () => {
  it('is not pending until started, pending while armed, not after cancel', () => {
    const t = new Timeout(0.02)
    expect(t.pending).toBe(false)
    t.start()
    expect(t.pending).toBe(true)
    t.cancel()
    expect(t.pending).toBe(false)
  })

  it('raises itself into the greenlet that started it, at its wait', async () => {
    const t = Timeout.startNew(0.01)
    await expect(sleep(1)).rejects.toBe(t)
    expect(t.pending).toBe(false)
    expect(t).toBeInstanceOf(Error)
    expect(t.name).toBe('Timeout')
    expect(t.message).toBe('0.01 seconds')
    expect(StrandError.is(t)).toBe(true)
  })

  it('fires into a spawned greenlet, not into the main one', async () => {
    const g = spawn(async () => {
      const t = Timeout.startNew(0.01)
      try {
        await sleep(1)
        return 'slept'
      } catch (err) {
        return err === t ? 'timed out' : 'other'
      }
    })
    await sleep(0.03)
    expect(await g.get()).toBe('timed out')
  })

  it('interrupts a join in main (the "Could not complete" example)', async () => {
    const t = Timeout.startNew(0.02)
    const g = spawn(() => sleep(1))
    try {
      await g.join()
      expect.unreachable()
    } catch (err) {
      expect(err).toBe(t)
    }
    void g.kill()
  })

  it('raises a given error instance or class instead of itself', async () => {
    const err = new RangeError('custom')
    const t1 = Timeout.startNew(0.005, err)
    await expect(sleep(1)).rejects.toBe(err)
    t1.cancel()
    const t2 = Timeout.startNew(0.005, TypeError)
    await expect(sleep(1)).rejects.toBeInstanceOf(TypeError)
    t2.cancel()
  })

  it('appends a string exception to its message and still raises itself', async () => {
    const t = Timeout.startNew(0.005, 'XXX')
    await expect(sleep(1)).rejects.toBe(t)
    expect(t.message).toBe('0.005 seconds: XXX')
    expect(new Timeout(1).message).toBe('1 second')
    expect(new Timeout(0.5, false).message).toBe('0.5 seconds (silent)')
  })

  it('never fires with null seconds', async () => {
    const t = Timeout.startNew(null)
    expect(t.pending).toBe(false)
    await sleep(0.01)
    t.cancel()
  })

  it('does not fire after cancel()', async () => {
    const t = Timeout.startNew(0.01)
    t.cancel()
    await sleep(0.03)
  })

  it('can be started again after it fired', async () => {
    const t = Timeout.startNew(0.005)
    await expect(sleep(1)).rejects.toBe(t)
    t.start()
    await expect(sleep(1)).rejects.toBe(t)
  })

  it('refuses start() while pending and after close()', () => {
    const t = Timeout.startNew(1)
    expect(() => t.start()).toThrow(/already pending/)
    t.close()
    expect(() => t.start()).toThrow(/closed/)
  })

  it('is cancelled by `using`', async () => {
    {
      using t = Timeout.startNew(0.01)
      expect(t.pending).toBe(true)
    }
    await sleep(0.03) // would throw if the timeout were still armed
  })

  it('keeps nested timeouts independent: outer shorter', async () => {
    const outer = Timeout.startNew(0.01)
    const inner = Timeout.startNew(0.5)
    try {
      await sleep(1)
    } catch (err) {
      expect(err).toBe(outer)
    }
    expect(outer.pending).toBe(false)
    expect(inner.pending).toBe(true)
    inner.cancel()
  })

  it('keeps nested timeouts independent: inner shorter', async () => {
    const outer = Timeout.startNew(0.5)
    const inner = Timeout.startNew(0.01)
    try {
      await sleep(1)
    } catch (err) {
      expect(err).toBe(inner)
    }
    expect(outer.pending).toBe(true)
    outer.cancel()
  })

  it('interrupts a tight sleep(0) loop', async () => {
    const result = await withTimeout(
      0.02,
      async () => {
        for (;;) await sleep(0)
      },
      { timeoutValue: 'stopped' },
    )
    expect(result).toBe('stopped')
  })

  it('rejects bad seconds synchronously', () => {
    expect(() => new Timeout(-1)).toThrow(/Expected `seconds`.*`-1` \(number\)/)
    expect(() => new Timeout(Number.NaN)).toThrow(RangeError)
    expect(() => new Timeout('1' as never)).toThrow(TypeError)
  })

  describe('races', () => {
    it('raises a fired-but-undelivered timeout at the next wait while still armed', async () => {
      let release!: () => void
      const foreign = new Promise<void>((r) => {
        release = r
      })
      const g = spawn(async () => {
        const t = Timeout.startNew(0.005)
        await foreign // Strand cannot interrupt this
        try {
          await sleep(0)
          return 'not interrupted'
        } catch (err) {
          return err === t ? 'raised at next wait' : 'other'
        }
      })
      await sleep(0.02)
      release()
      expect(await g.get()).toBe('raised at next wait')
    })

    it('drops a fired-but-undelivered timeout when its block ends first', async () => {
      let release!: () => void
      const foreign = new Promise<void>((r) => {
        release = r
      })
      const g = spawn(async () => {
        const r = await withTimeout(0.005, () => foreign.then(() => 'done'))
        await sleep(0) // the dropped Timeout must not surface here
        return r
      })
      await sleep(0.02)
      release()
      expect(await g.get()).toBe('done')
    })
  })
})

describe('withTimeout()', () => {
  it('returns the function result when in time', async () => {
    expect(await withTimeout(0.5, async () => 'done')).toBe('done')
    expect(await withTimeout(0.5, () => 7)).toBe(7)
  })

  it('returns timeoutValue when its own timeout fires', async () => {
    expect(await withTimeout(0.01, () => sleep(1), { timeoutValue: 'TV' })).toBe('TV')
    expect(await withTimeout(0.01, () => sleep(1), { timeoutValue: undefined })).toBeUndefined()
  })

  it('throws the Timeout without a timeoutValue', async () => {
    await expect(withTimeout(0.01, () => sleep(1))).rejects.toBeInstanceOf(Timeout)
  })

  it('returns undefined for a silent Timeout', async () => {
    expect(await withTimeout(new Timeout(0.01, false), () => sleep(1))).toBeUndefined()
  })

  it('lets an outer timeout through an inner timeoutValue', async () => {
    const inner = () => withTimeout(0.2, () => sleep(2), { timeoutValue: 1 })
    await expect(withTimeout(0.02, inner, { timeoutValue: undefined as never })).resolves.toBe(
      undefined,
    )
    await expect(withTimeout(0.02, inner)).rejects.toBeInstanceOf(Timeout)
  })

  it('really stops the work: code after the wait never runs', async () => {
    const log: string[] = []
    await withTimeout(
      0.01,
      async () => {
        await sleep(0.1)
        log.push('after sleep')
      },
      { timeoutValue: null },
    )
    await sleep(0.15)
    expect(log).toEqual([])
  })

  it('runs in the current greenlet', async () => {
    const g = spawn(() => withTimeout(1, () => getCurrent().name))
    expect(await g.get()).toBe(g.name)
  })

  it('times out many greenlets independently', async () => {
    const gs = [0.01, 0.5, 0.02].map((s) =>
      spawn(() => withTimeout(s, () => sleep(0.05), { timeoutValue: 'late' })),
    )
    await joinAll(gs)
    expect(await Promise.all(gs.map((g) => g.get()))).toEqual(['late', undefined, 'late'])
  })
})

import { EventEmitter, once } from 'node:events'
import { setTimeout as delay } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import {
  currentSignal,
  GreenletExit,
  getCurrent,
  sleep,
  spawn,
  Timeout,
  withTimeout,
} from '../src/index.js'

describe('withTimeout() signal', () => {
  it('passes a signal that stops a Node timer at the deadline; the caller sees the Timeout', async () => {
    const g = spawn(async () => {
      const started = performance.now()
      let thrown: unknown
      let timeout: Timeout | undefined
      try {
        await withTimeout(0.02, (signal) => delay(10_000, null, { signal }))
      } catch (err) {
        thrown = err
        timeout = err instanceof Timeout ? err : undefined
      }
      return { thrown, timeout, ms: performance.now() - started }
    })
    const { thrown, timeout, ms } = await g.get()
    expect(thrown).toBeInstanceOf(Timeout)
    expect(timeout?.seconds).toBe(0.02)
    expect(ms).toBeLessThan(2000)
  })

  it('returns timeoutValue, not an AbortError, when the signal stops events.once', async () => {
    const emitter = new EventEmitter()
    const result = await spawn(() =>
      withTimeout(0.01, (signal) => once(emitter, 'never', { signal }), {
        timeoutValue: 'cut off',
      }),
    ).get()
    expect(result).toBe('cut off')
    expect(emitter.listenerCount('never')).toBe(0)
  })

  it('aborts the signal of an inner block when an outer Timeout fires', async () => {
    const reasons = await spawn(async () => {
      let inner: AbortSignal | undefined
      const outer = await withTimeout(
        0.01,
        () =>
          withTimeout(5, (signal) => {
            inner = signal
            return sleep(1)
          }),
        { timeoutValue: 'outer' },
      )
      return [outer, inner?.aborted, inner?.reason instanceof Timeout]
    }).get()
    expect(reasons).toEqual(['outer', true, true])
  })

  it('leaves an outer block signal alone when an inner Timeout fires and is caught', async () => {
    const aborted = await spawn(async () =>
      withTimeout(5, async (outer) => {
        await withTimeout(0.005, () => sleep(1), { timeoutValue: null })
        return outer.aborted
      }),
    ).get()
    expect(aborted).toBe(false)
  })

  it('throws synchronously on bad arguments, before returning a promise', () => {
    expect(() => withTimeout(-1, () => 1)).toThrow(RangeError)
    expect(() => withTimeout(Number.NaN, () => 1)).toThrow(RangeError)
    expect(() => withTimeout(1, 'x' as never)).toThrow(/`fn`/)
  })
})

describe('interruptSignal and currentSignal()', () => {
  it('is the running greenlet interrupt signal', async () => {
    const same = await spawn(() => currentSignal() === getCurrent().interruptSignal).get()
    expect(same).toBe(true)
  })

  it('aborts on kill with the GreenletExit as its reason', async () => {
    let signal: AbortSignal | undefined
    const g = spawn(async () => {
      signal = currentSignal()
      await sleep(10)
    })
    await sleep(0)
    await g.kill()
    expect(signal?.aborted).toBe(true)
    expect(signal?.reason).toBeInstanceOf(GreenletExit)
  })

  it('is fresh again once a pending interrupt was raised at a wait and caught', async () => {
    const g = spawn(async () => {
      const t = Timeout.startNew(0.01)
      await delay(40) // not a Strand wait: the Timeout fires and stays pending
      const during = currentSignal().aborted
      try {
        await sleep(0)
      } catch (err) {
        if (err !== t) throw err
      }
      return { during, after: currentSignal().aborted }
    })
    expect(await g.get()).toEqual({ during: true, after: false })
  })
})

describe('Timeout.signal', () => {
  it('aborts with the Timeout when it fires', async () => {
    const t = new Timeout(0.005)
    const signal = await spawn(async () => {
      t.start()
      try {
        await sleep(1)
      } catch {}
      return t.signal
    }).get()
    expect(signal.aborted).toBe(true)
    expect(signal.reason).toBe(t)
  })
})

describe('bad input is synchronous', () => {
  it('makes killAll and shutdown throw before returning a promise', async () => {
    const { killAll, shutdown } = await import('../src/index.js')
    expect(() => killAll([], { timeout: Number.NaN })).toThrow(RangeError)
    expect(() => killAll('x' as never)).toThrow(TypeError)
    expect(() => shutdown({ timeout: -1 })).toThrow(RangeError)
  })
})

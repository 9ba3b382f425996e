// How interrupts (kill, Timeout) reach a greenlet that is not at a Strand wait when
// they fire, and how several of them combine.
import { setTimeout as foreignDelay } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import {
  GreenletExit,
  getCurrent,
  getHub,
  killAll,
  sleep,
  spawn,
  Timeout,
  withTimeout,
} from '../src/index.js'

describe('pending interrupts', () => {
  it('keeps the outer deadline when two Timeouts expire during a non-Strand await', async () => {
    const g = spawn(() =>
      withTimeout(
        0.02,
        async () => {
          const inner = await withTimeout(
            0.04,
            async () => {
              await foreignDelay(80) // both deadlines pass here
              await sleep(0)
              return 'inner finished'
            },
            { timeoutValue: 'inner timed out' },
          )
          await sleep(2)
          return `outer body ran to completion after ${inner}`
        },
        { timeoutValue: 'outer timed out' },
      ),
    )
    const started = performance.now()
    expect(await g.get()).toBe('outer timed out')
    expect(performance.now() - started).toBeLessThan(1500)
  })

  it('raises a kill before a Timeout that is pending with it', async () => {
    const g = spawn(async (): Promise<string> => {
      const t = Timeout.startNew(0.005)
      try {
        await foreignDelay(40) // the Timeout fires here, then the kill comes
        await sleep(0)
        return 'not interrupted'
      } catch (err) {
        return err instanceof GreenletExit ? 'killed' : err === t ? 'timed out' : 'other'
      } finally {
        t.cancel()
      }
    })
    await sleep(0.02)
    void g.kill()
    expect(await g.get()).toBe('killed')
  })

  it('does not raise a cancelled Timeout at the next wait, even after another greenlet restarted it', async () => {
    const t = new Timeout(0.005)
    const a = spawn(async () => {
      t.start()
      await foreignDelay(30) // t fires while A is not at a Strand wait
      t.cancel()
      await sleep(0.03) // B starts and cancels t meanwhile
      return 'A went on'
    })
    const b = spawn(async () => {
      await sleep(0.04)
      t.start()
      t.cancel()
    })
    await b.get()
    expect(await a.get()).toBe('A went on')
  })

  it('drops what a Timeout raised into its first greenlet when another greenlet restarts it', async () => {
    const t = new Timeout(0.005)
    const a = spawn(async () => {
      t.start()
      await foreignDelay(30) // fires; A never cancels it
      await sleep(0.03)
      return 'A was not interrupted'
    })
    const b = spawn(async () => {
      await sleep(0.015)
      t.start() // takes t over: what it raised into A goes
      t.cancel()
    })
    await b.get()
    expect(await a.get()).toBe('A was not interrupted')
  })
})

describe('killing yourself', () => {
  it('raises the GreenletExit right there, so finally blocks run and the greenlet dies', async () => {
    const log: string[] = []
    const g = spawn(async () => {
      try {
        await getCurrent().kill()
        log.push('after kill')
      } finally {
        log.push('finally')
      }
    })
    expect(await g.join({ timeout: 1 })).toBe(true)
    expect(log).toEqual(['finally'])
    expect(g.successful()).toBe(true)
    expect(g.value).toBeInstanceOf(GreenletExit)
  })
})

describe('killAll() including the caller', () => {
  it('kills the others, skips the caller and waits for them', async () => {
    const others = [spawn(() => sleep(10)), spawn(() => sleep(10))]
    const self = spawn(async () => {
      await sleep(0)
      await killAll([...others, getCurrent()])
      await sleep(0) // nothing pending for the caller
      return others.every((g) => g.dead)
    })
    expect(await self.get()).toBe(true)
  })

  it('from main, kills the others and resolves', async () => {
    const other = spawn(() => sleep(10))
    await sleep(0)
    await killAll([other, getCurrent()])
    expect(other.dead).toBe(true)
  })
})

describe('a Timeout whose greenlet died', () => {
  it('is disarmed, so it holds no timer', async () => {
    const before = getHub().stats().timers
    const g = spawn(async () => {
      Timeout.startNew(5)
      await sleep(0)
    })
    await g.join()
    expect(getHub().stats().timers).toBe(before)
  })
})

describe('kill({ timeout })', () => {
  it('reads a lone options object as options, not as the exception', async () => {
    const g = spawn(() => sleep(10))
    await sleep(0)
    await g.kill({ timeout: 1 })
    expect(g.value).toBeInstanceOf(GreenletExit)
  })

  it('raises options.exception when given in the options form', async () => {
    const g = spawn(() => sleep(10))
    await sleep(0)
    const boom = new Error('boom')
    await g.kill({ exception: boom, timeout: 1 })
    expect(g.exception).toBe(boom)
  })

  it('keeps nothing of a kill that gave up waiting for a greenlet that outlives it', async () => {
    const gc = (globalThis as { gc?: () => void }).gc
    expect(gc, 'run with --expose-gc').toBeTypeOf('function')
    let stop = false
    const stubborn = spawn(async () => {
      while (!stop) {
        try {
          await sleep(10)
        } catch {}
      }
    })
    await sleep(0)
    const kills = 20_000
    gc?.()
    const before = process.memoryUsage().heapUsed
    for (let i = 0; i < kills; i++) void stubborn.kill(undefined, { timeout: 0 })
    await sleep(0.01) // every kill has given up by now
    gc?.()
    const perKill = (process.memoryUsage().heapUsed - before) / kills
    stop = true
    void stubborn.kill()
    await stubborn.join()
    expect(perKill).toBeLessThan(100) // bytes; it was ~580 when each kept a closure
  })
})

describe('an AbortError caused by the greenlet own interrupt', () => {
  it('counts as the GreenletExit: a greenlet killed in a signalled Node timer ends successfully', async () => {
    const g = spawn(() => foreignDelay(10_000, null, { signal: getCurrent().signal }))
    await sleep(0)
    await g.kill()
    expect(g.successful()).toBe(true)
    expect(g.value).toBeInstanceOf(GreenletExit)
  })

  it('counts as the Timeout for a greenlet timed out in a signalled Node timer', async () => {
    let t: Timeout | undefined
    const g = spawn(() => {
      t = Timeout.startNew(0.005)
      return foreignDelay(10_000, null, { signal: getCurrent().interruptSignal })
    })
    await g.join()
    expect(g.exception).toBe(t)
  })
})

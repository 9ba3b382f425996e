import timers from 'node:timers'
import {
  setTimeout as delay,
  setInterval as every,
  setImmediate as nextTurn,
  scheduler,
} from 'node:timers/promises'
import { GreenletExit, getCurrent, sleep, spawn, Timeout, withTimeout } from '@strand/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { patchTimers, unpatchAll } from '../src/index.js'
import { interruptible } from './contract.js'
import { leftover, pause, resources, since } from './helpers.js'

beforeAll(() => {
  patchTimers()
})
afterAll(() => {
  unpatchAll()
})

describe('timers/promises inside a greenlet', () => {
  interruptible('a 5 s setTimeout promise', async () => ({ block: () => delay(5000) }))
  interruptible('a setInterval iterator', async () => ({
    block: async () => {
      for await (const _ of every(1000)) {
        // a tick a second, for ever
      }
    },
  }))
  interruptible('scheduler.wait(5000)', async () => ({ block: () => scheduler.wait(5000) }))
  interruptible('setTimeout with options ({ ref: true })', async () => ({
    block: () => delay(5000, null, { ref: true }),
  }))

  it('resolves with the value, as unpatched', async () => {
    const got = await spawn(async () => [await delay(1, 'a'), await nextTurn('b')]).get()
    expect(got).toEqual(['a', 'b'])
  })

  it("gives the caller's own signal its say: when it aborts first, the caller gets its AbortError", async () => {
    const err = await spawn(async () => {
      using _t = Timeout.startNew(2)
      return delay(5000, null, { signal: AbortSignal.timeout(20) }).catch((e: unknown) => e)
    }).get()
    expect((err as Error).name).toBe('AbortError')
    expect(((err as Error).cause as Error).name).toBe('TimeoutError')
  })

  it("lets the greenlet's Timeout win over a later caller signal", async () => {
    const controller = new AbortController()
    const outcome = await spawn(() =>
      withTimeout(0.03, () => delay(5000, null, { signal: controller.signal }), {
        timeoutValue: 'timeout',
      }),
    ).get()
    expect(outcome).toBe('timeout')
    expect(controller.signal.aborted).toBe(false)
  })

  it('keeps the interrupt for the next wait when it was consumed: no second raise', async () => {
    const g = spawn(async () => {
      const t = Timeout.startNew(0.02)
      try {
        await delay(5000)
      } catch (err) {
        if (err !== t) throw err
      }
      await sleep(0.01) // must not see the Timeout again
      return 'went on'
    })
    expect(await g.get()).toBe('went on')
  })

  it('does not turn an interrupted call nobody awaited into an unhandled rejection', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      const g = spawn(async () => {
        void delay(5000)
        await sleep(10)
      })
      await pause(20)
      await g.kill()
      await pause(20)
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })

  it('stops a patched sleep of main under a Timeout started by main', async () => {
    const start = performance.now()
    const outcome = await withTimeout(0.03, () => delay(5000), { timeoutValue: 'timeout' })
    expect(outcome).toBe('timeout')
    expect(since(start)).toBeLessThan(1000)
  })
})

describe('callback timers', () => {
  it('clears the timers a greenlet set when it is killed', async () => {
    const baseline = resources()
    const fired: string[] = []
    const g = spawn(async () => {
      setTimeout(() => fired.push('global setTimeout'), 60)
      timers.setTimeout(() => fired.push('timers.setTimeout'), 60)
      setInterval(() => fired.push('setInterval'), 20)
      await sleep(10)
    })
    await pause(10)
    await g.kill()
    await pause(100)
    expect(fired).toEqual([])
    expect(await leftover(baseline)).toEqual([])
  })

  it('leaves them alone when the greenlet merely ends', async () => {
    const fired: string[] = []
    await spawn(() => {
      setTimeout(() => fired.push('later'), 20)
    }).join()
    await pause(60)
    expect(fired).toEqual(['later'])
  })

  it('leaves unref’d timers alone (libraries keep their shared clocks that way)', async () => {
    const fired: string[] = []
    const g = spawn(async () => {
      setTimeout(() => fired.push('unref'), 30).unref()
      await sleep(10)
    })
    await pause(5)
    await g.kill()
    await pause(80)
    expect(fired).toEqual(['unref'])
  })

  it('passes arguments and `this` through, as unpatched', async () => {
    const got = await spawn(
      () =>
        new Promise((resolve) => {
          setTimeout(
            function (this: unknown, a: number, b: number) {
              resolve([a + b, this !== undefined])
            },
            1,
            2,
            3,
          )
        }),
    ).get()
    expect(got).toEqual([5, true])
  })
})

describe('outside greenlets', () => {
  it('behaves as unpatched: values, and the same errors for bad arguments', async () => {
    expect(await delay(1, 'x')).toBe('x')
    const bad = await delay(1, null, 'nope' as never).catch((e: unknown) => e)
    expect((bad as NodeJS.ErrnoException).code).toBe('ERR_INVALID_ARG_TYPE')
    expect(() => setTimeout('nope' as never, 1)).toThrow(TypeError)
    expect(getCurrent().name).toBe('main')
  })

  it('does not track callback timers of main', async () => {
    const fired: string[] = []
    setTimeout(() => fired.push('main timer'), 5)
    await pause(30)
    expect(fired).toEqual(['main timer'])
  })

  it('kills nothing of main when a greenlet dies', async () => {
    const fired: string[] = []
    setTimeout(() => fired.push('main'), 30)
    const g = spawn(() => sleep(10))
    await pause(5)
    await g.kill()
    await pause(60)
    expect(fired).toEqual(['main'])
    expect(g.value).toBeInstanceOf(GreenletExit)
  })
})

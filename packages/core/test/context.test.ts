import { EventEmitter, once } from 'node:events'
import { setTimeout as delay } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { getCurrent, joinAll, sleep, spawn, Timeout } from '../src/index.js'

describe('current greenlet', () => {
  it('survives every kind of await: Strand waits, foreign promises, timers, then-callbacks', async () => {
    const g = spawn(async () => {
      const seen: string[] = []
      seen.push(getCurrent().name)
      await sleep(0.001)
      seen.push(getCurrent().name)
      await delay(1)
      seen.push(getCurrent().name)
      await Promise.resolve().then(() => seen.push(getCurrent().name))
      await new Promise((r) => setImmediate(r))
      seen.push(getCurrent().name)
      const emitter = new EventEmitter()
      setTimeout(() => emitter.emit('go'), 1)
      await once(emitter, 'go')
      seen.push(getCurrent().name)
      return seen
    })
    g.name = 'me'
    expect(await g.get()).toEqual(['me', 'me', 'me', 'me', 'me', 'me'])
  })

  it("runs a thenable's then() as the greenlet that awaits, returns or resolves with it", async () => {
    // a lazy query builder starts its work in then(): it must belong to the greenlet (so
    // @strand/monkey stops that work on kill), also when V8 calls then() from a job of its own
    const g = spawn(async () => {
      const seen: string[] = []
      const lazy = {
        // biome-ignore lint/suspicious/noThenProperty: a thenable is the point of this test
        then(resolve: (v: number) => void) {
          seen.push(getCurrent().name)
          resolve(1)
        },
      }
      await lazy
      await new Promise((resolve) => resolve(lazy))
      const query = async () => lazy
      await query()
      await Promise.all([lazy, sleep(0)])
      return seen
    })
    g.name = 'me'
    expect(await g.get()).toEqual(['me', 'me', 'me', 'me'])
  })

  it('keeps 200 interleaved greenlets apart', async () => {
    const gs = Array.from({ length: 200 }, (_, i) =>
      spawn(async () => {
        for (let k = 0; k < 5; k++) {
          if (getCurrent().name !== `w${i}`) return false
          if ((i + k) % 3 === 0) await sleep(0)
          else if ((i + k) % 3 === 1) await delay(0)
          else await Promise.resolve()
        }
        return getCurrent().name === `w${i}`
      }),
    )
    gs.forEach((g, i) => {
      g.name = `w${i}`
    })
    await joinAll(gs)
    expect(await Promise.all(gs.map((g) => g.get()))).toEqual(gs.map(() => true))
  })

  it('is main in timer and emitter callbacks, which are not part of the greenlet', async () => {
    const names: string[] = []
    const g = spawn(async () => {
      setTimeout(() => names.push(getCurrent().name), 1)
      await sleep(0.01)
    })
    await g.join()
    expect(names).toEqual(['main'])
  })

  it('is main again after a greenlet ends', async () => {
    await spawn(() => sleep(0)).join()
    expect(getCurrent().name).toBe('main')
  })
})

describe('the interrupt signal (for I/O adapters)', () => {
  it('aborts on a Timeout with that Timeout, then a fresh one is handed out', async () => {
    const g = spawn(async () => {
      const self = getCurrent()
      const first = self.interruptSignal
      const t = Timeout.startNew(0.005)
      try {
        await sleep(1)
      } catch (err) {
        if (err !== t) throw err
      }
      const second = self.interruptSignal
      return [first.aborted, first.reason === t, second.aborted]
    })
    expect(await g.get()).toEqual([true, true, false])
  })

  it('aborts on kill, and stays aborted for a killed greenlet', async () => {
    let signal: AbortSignal | undefined
    const g = spawn(async () => {
      signal = getCurrent().interruptSignal
      await sleep(1)
    })
    await sleep(0)
    await g.kill()
    expect(signal?.aborted).toBe(true)
    expect(g.interruptSignal.aborted).toBe(true)
  })
})

describe('the context hooks are on only while greenlets are alive', () => {
  it('removes them a turn after the last greenlet died, and puts them back for the next one', async () => {
    const { contextHooksInstalled } = await import('../src/internal/context.js')
    const turn = () => new Promise<void>((r) => setImmediate(r))
    await spawn(() => sleep(0)).join()
    await turn()
    await turn()
    expect(contextHooksInstalled()).toBe(false)
    const names = await spawn(async () => {
      const self = getCurrent().name
      await new Promise((r) => setTimeout(r, 1))
      await Promise.resolve()
      return [self, getCurrent().name]
    }).get()
    expect(names[0]).toBe(names[1])
    expect(contextHooksInstalled()).toBe(true)
  })
})

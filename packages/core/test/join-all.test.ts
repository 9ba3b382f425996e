import { describe, expect, it } from 'vitest'
import {
  type Greenlet,
  getHub,
  iwait,
  joinAll,
  killAll,
  sleep,
  spawn,
  Timeout,
  type Waitable,
  wait,
} from '../src/index.js'

const after = <T>(seconds: number, value: T) =>
  spawn(async () => {
    await sleep(seconds)
    return value
  })
const failAfter = (seconds: number, message: string) =>
  spawn(async () => {
    await sleep(seconds)
    throw new Error(message)
  })

describe('joinAll()', () => {
  it('returns every greenlet, in the order they finished', async () => {
    const gs = [after(0.15, 'a'), after(0.05, 'b'), after(0.1, 'c')]
    const done = await joinAll(gs)
    expect(await Promise.all(done.map((g) => g.get()))).toEqual(['b', 'c', 'a'])
  })

  it('returns the finished subset on timeout', async () => {
    const fast = after(0.005, 1)
    const slow = after(10, 2)
    expect(await joinAll([fast, slow], { timeout: 0.5 })).toEqual([fast])
    expect(slow.dead).toBe(false)
    void slow.kill()
  })

  it('returns after count greenlets finished', async () => {
    const gs = [after(0.5, 'slow'), after(0.005, 'fast')]
    expect(await joinAll(gs, { count: 1 })).toEqual([gs[1]])
    expect(gs[0]?.dead).toBe(false)
    await killAll(gs)
  })

  it('rejects with the first failure as soon as it happens with raiseError', async () => {
    const slow = after(0.5, 'slow')
    const first = failAfter(0.005, 'second')
    const later = failAfter(0.05, 'first')
    await expect(joinAll([slow, later, first], { raiseError: true })).rejects.toThrow('second')
    expect(slow.dead).toBe(false)
    await killAll([slow, later])
  })

  it('rejects at once with raiseError when a member already failed', async () => {
    const failed = failAfter(0, 'already')
    await failed.join()
    await expect(joinAll([failed], { raiseError: true })).rejects.toThrow('already')
  })

  it('accepts successful greenlets with raiseError', async () => {
    const gs = [after(0, 1), after(0, 2), after(0, 3)]
    await joinAll(gs, { raiseError: true })
    expect(await Promise.all(gs.map((g) => g.get()))).toEqual([1, 2, 3])
  })

  it('tolerates duplicates', async () => {
    const a = after(0.005, 'a')
    const b = after(0.001, 'b')
    await joinAll([a, b, a])
    expect(a.dead && b.dead).toBe(true)
  })

  it('is interrupted by a Timeout and stops observing the members', async () => {
    const g = after(1, 'x')
    const t = Timeout.startNew(0.01)
    await expect(joinAll([g])).rejects.toBe(t)
    void g.kill()
  })

  it('validates its arguments synchronously', () => {
    expect(() => joinAll(5 as never)).toThrow(/Expected `greenlets` to be an iterable/)
    expect(() => joinAll([1] as never)).toThrow(/only greenlets/)
    expect(() => joinAll([], { timeout: -1 })).toThrow(RangeError)
    expect(() => joinAll([], { count: 1.5 })).toThrow(/`count`/)
  })

  it('refuses to wait for the current greenlet', async () => {
    const g: Greenlet = spawn(async () => {
      try {
        await joinAll([g])
        return 'no error'
      } catch (err) {
        return (err as Error).name
      }
    })
    expect(await g.get()).toBe('RangeError')
  })
})

describe('killAll()', () => {
  it('kills all and waits for them', async () => {
    const caught: string[] = []
    const gs = [0, 1, 2].map(() =>
      spawn(async () => {
        try {
          await sleep(10)
        } catch (err) {
          caught.push((err as Error).name)
          throw err
        }
      }),
    )
    await sleep(0)
    await killAll(gs)
    expect(gs.every((g) => g.dead)).toBe(true)
    expect(caught).toEqual(['GreenletExit', 'GreenletExit', 'GreenletExit'])
  })

  it('rejects with a Timeout when some outlive its timeout', async () => {
    let stubborn = true
    const g = spawn(async () => {
      while (stubborn) {
        try {
          await sleep(1)
        } catch {}
      }
    })
    await sleep(0)
    await expect(killAll([g], { timeout: 0.02 })).rejects.toBeInstanceOf(Timeout)
    expect(g.dead).toBe(false)
    stubborn = false
    await g.kill()
  })
})

describe('wait() and iwait()', () => {
  it('yields in completion order', async () => {
    const gs = [after(0.03, 0), after(0.01, 1), after(0.02, 2)]
    const order: number[] = []
    for await (const g of iwait(gs)) order.push((await g.get()) as number)
    expect(order).toEqual([1, 2, 0])
  })

  it('stops after count or timeout', async () => {
    const gs = [after(0.02, 0), after(0.005, 1), after(1, 2)]
    expect(await wait(gs, { count: 2 })).toEqual([gs[1], gs[0]])
    expect(await wait([gs[2]!], { timeout: 0.01 })).toEqual([])
    await killAll(gs)
  })

  it('returns already-ready objects at once, twice in a row', async () => {
    const g = after(0, 'x')
    await g.join()
    expect(await wait([g])).toEqual([g])
    expect(await wait([g])).toEqual([g])
  })

  it('unlinks from the rest when the loop is left early', async () => {
    const linked = new Set<unknown>()
    const never: Waitable = {
      ready: () => false,
      rawlink: (cb) => void linked.add(cb),
      unlink: (cb) => void linked.delete(cb),
    }
    const fast = after(0.001, 'fast')
    for await (const g of iwait([never, fast])) {
      expect(g).toBe(fast)
      expect(linked.size).toBe(1)
      break
    }
    expect(linked.size).toBe(0)
  })

  it('validates its arguments', () => {
    expect(() => iwait([{}] as never)).toThrow(/waitables/)
    expect(() => iwait([], { timeout: Number.NaN })).toThrow(RangeError)
  })

  it('leaves no timer behind', async () => {
    await wait([after(0.001, 1)], { timeout: 5 })
    expect(getHub().stats().timers).toBe(0)
  })
})

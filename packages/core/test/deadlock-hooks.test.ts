import { describe, expect, it } from 'vitest'
import { getHub, Hub, joinAll, LoopExit, sleep, spawn, VirtualClock } from '../src/index.js'
import {
  installHub,
  WaitList,
  type WaitOwner,
  type WaitResource,
  waitsOf,
} from '../src/internal.js'

const OWNER: WaitOwner = { onTimeout: (w) => getHub().wake(w, false) }

/** A one-holder primitive: whoever has the baton holds it. */
class Baton implements WaitResource {
  holder: object | null = null
  readonly waiters = new WaitList(this)
  resourceName(): string {
    return 'Baton'
  }
  resourceHolders(): readonly (object | null)[] {
    return [this.holder]
  }
  take(): Promise<boolean> {
    return getHub().wait<boolean>(OWNER, this.waiters, null, 'Baton.take')
  }
}

describe('waitsOf()', () => {
  it('tells the label and the resource of what a greenlet is parked on', async () => {
    const baton = new Baton()
    const holder = spawn(() => sleep(60))
    baton.holder = holder
    const g = spawn(() => baton.take())
    await sleep(0)
    const [w, ...rest] = waitsOf(g)
    expect(rest).toEqual([])
    expect(w?.label).toBe('Baton.take')
    expect(w?.list?.resource).toBe(baton)
    expect(w?.list?.resource?.resourceHolders?.()).toEqual([holder])
    getHub().wakeAll(baton.waiters, true)
    await g.join()
    expect(waitsOf(g)).toEqual([])
    await holder.kill()
  })

  it('names the greenlet a join() waits for as the holder of that wait', async () => {
    const sleeper = spawn(() => sleep(60))
    sleeper.name = 'sleeper'
    const joiner = spawn(() => sleeper.join())
    await sleep(0)
    const resource = waitsOf(joiner)[0]?.list?.resource
    expect(resource?.resourceName()).toBe('greenlet "sleeper"')
    expect(resource?.resourceHolders?.()).toEqual([sleeper])
    expect(waitsOf(sleeper).map((w) => [w.label, w.seconds])).toEqual([['sleep', 60]])
    await sleeper.kill()
    await joiner.join()
  })

  it('shows the main greenlet through getHub().root', async () => {
    const baton = new Baton()
    const waiting = baton.take()
    expect(waitsOf(getHub().root).map((w) => w.label)).toEqual(['Baton.take'])
    getHub().wakeAll(baton.waiters, true)
    await waiting
    expect(waitsOf(getHub().root)).toEqual([])
  })
})

describe('hub.raiseLoopExit()', () => {
  async function onFreshHub<T>(body: (hub: Hub) => Promise<T>): Promise<T> {
    const hub = new Hub({ clock: new VirtualClock() })
    const restore = installHub(hub)
    try {
      return await body(hub)
    } finally {
      restore()
      hub.dispose()
    }
  }

  it("raises LoopExit into main's waits, ending its message with the explanation", async () => {
    const err = await onFreshHub(async (hub) => {
      const baton = new Baton()
      const blocked = spawn(() => baton.take())
      blocked.name = 'blocked'
      hub.explainLoopExit = () => `blocked waits on ${waitsOf(blocked)[0]?.label}`
      const joined = blocked.join()
      await sleep(0)
      expect(hub.raiseLoopExit()).toBe(1)
      const caught = await joined.catch((e: unknown) => e)
      expect(blocked.dead).toBe(false)
      await blocked.kill()
      return caught
    })
    expect(err).toBeInstanceOf(LoopExit)
    expect((err as LoopExit).message).toBe(
      'This operation would block forever (waiting on join(blocked))\nblocked waits on Baton.take',
    )
    expect((err as LoopExit).report).toBe('blocked waits on Baton.take')
  })

  it('raises it once into each blocked greenlet when main waits on nothing', async () => {
    const seen = await onFreshHub(async (hub) => {
      const baton = new Baton()
      const got: string[] = []
      const take = (name: string) => async () => {
        try {
          await baton.take()
        } catch (err) {
          got.push(`${name}: ${(err as Error).name}`)
          await baton.take()
        }
      }
      const gs = [spawn(take('a')), spawn(take('b'))]
      await sleep(0)
      expect(hub.raiseLoopExit()).toBe(2)
      await sleep(0)
      expect(hub.raiseLoopExit()).toBe(0) // each gets it once: the second waits are left alone
      for (const g of gs) await g.kill()
      return got
    })
    expect(seen.sort()).toEqual(['a: LoopExit', 'b: LoopExit'])
  })

  it('reports an explanation that throws and raises LoopExit all the same', async () => {
    const reported: unknown[] = []
    const err = await onFreshHub(async (hub) => {
      hub.handleError = (e) => void reported.push(e)
      hub.explainLoopExit = () => {
        throw new Error('explainer broke')
      }
      const waiting = new Baton().take().catch((e: unknown) => e)
      hub.raiseLoopExit()
      return waiting
    })
    expect((err as LoopExit).message).toBe(
      'This operation would block forever (waiting on Baton.take)',
    )
    expect(reported.map((e) => (e as Error).message)).toEqual(['explainer broke'])
  })
})

describe('joinAll() and killAll() waits', () => {
  it('name the greenlets still alive as what they wait for', async () => {
    const quick = spawn(() => sleep(0))
    const slow = spawn(() => sleep(60))
    const joiner = spawn(() => joinAll([quick, slow]))
    await sleep(0.01)
    const resource = waitsOf(joiner)[0]?.list?.resource
    expect(resource?.waitsForEnd).toBe(true)
    expect(resource?.resourceHolders?.()).toEqual([slow])
    await slow.kill()
    await joiner.join()
  })
})

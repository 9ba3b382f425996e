import { describe, expect, it } from 'vitest'
import { getHub, sleep, spawn } from '../src/index.js'
import { WaitList, type WaitOwner, type WaitResource, waitsOf } from '../src/internal.js'

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

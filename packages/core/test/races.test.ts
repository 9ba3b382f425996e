// Races between a wake-up and a kill or Timeout in the same turn. A VirtualClock makes
// "the same turn" exact: timers created back to back get the same deadline and fire in
// creation order, in one timer pass.
import { beforeAll, describe, expect, it } from 'vitest'
import { GreenletExit, getHub, sleep, spawn, Timeout, VirtualClock } from '../src/index.js'
import { CallbackTimer, WaitList, type WaitOwner } from '../src/internal.js'

const hub = getHub()
const OWNER: WaitOwner = { onTimeout: (w) => hub.wake(w, 'own timeout') }

beforeAll(() => {
  hub.useClock(new VirtualClock())
})

describe('wake vs Timeout in the same turn', () => {
  it('gives the value when the wake came first, and never raises that Timeout later', async () => {
    const list = new WaitList()
    const g = spawn(async () => {
      hub.addTimer(new CallbackTimer(() => hub.wake(list.head!, 'value')), 0.01)
      const t = Timeout.startNew(0.01) // same deadline, created second: fires second
      try {
        return await hub.wait(OWNER, list, null, 'race')
      } finally {
        t.cancel()
        await sleep(0) // a leaked Timeout would surface here
      }
    })
    expect(await g.get()).toBe('value')
    expect(list.size).toBe(0)
  })

  it('raises the Timeout when it came first, and the late wake is refused (nothing lost)', async () => {
    const list = new WaitList()
    let handedOff: boolean | undefined
    const g = spawn(async () => {
      const t = Timeout.startNew(0.01)
      hub.addTimer(
        new CallbackTimer(() => {
          handedOff = list.head === null ? false : hub.wake(list.head, 'value')
        }),
        0.01,
      )
      try {
        return await hub.wait(OWNER, list, null, 'race')
      } catch (err) {
        return err === t ? 'timed out' : 'other'
      }
    })
    expect(await g.get()).toBe('timed out')
    expect(handedOff).toBe(false)
    expect(list.size).toBe(0)
  })
})

describe('wake vs kill in the same turn', () => {
  it('delivers a value claimed before the kill, then raises the kill at the next wait', async () => {
    const list = new WaitList()
    const log: string[] = []
    const g = spawn(async () => {
      log.push(String(await hub.wait(OWNER, list, null, 'race')))
      try {
        await sleep(0)
      } catch (err) {
        log.push(err instanceof GreenletExit ? 'killed at next wait' : 'other')
        throw err
      }
    })
    await sleep(0)
    expect(hub.wake(list.head!, 'item')).toBe(true)
    void g.kill()
    await g.join()
    expect(log).toEqual(['item', 'killed at next wait'])
  })

  it('refuses a wake after the kill claimed the waiter', async () => {
    const list = new WaitList()
    const g = spawn(() => hub.wait(OWNER, list, null, 'race'))
    await sleep(0)
    const w = list.head!
    void g.kill()
    expect(hub.wake(w, 'item')).toBe(false)
    expect(list.size).toBe(0)
    await g.join()
    expect(g.value).toBeInstanceOf(GreenletExit)
  })

  it('lets the wait time out by its own timeout in virtual time', async () => {
    const list = new WaitList()
    const t0 = hub.clock.now()
    const v = await spawn(() => hub.wait(OWNER, list, 3600, 'race')).get()
    expect(v).toBe('own timeout')
    expect(hub.clock.now() - t0).toBe(3600)
  })
})

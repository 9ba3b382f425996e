import { setTimeout as delay } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { GreenletExit, getHub, sleep, spawn, Timeout, withTimeout } from '../src/index.js'
import {
  type InterruptWatcher,
  mainInterruptArmed,
  spawnSite,
  unwatchInterrupts,
  watchInterrupts,
} from '../src/internal.js'

describe('mainInterruptArmed()', () => {
  it('is true exactly while a Timeout started by main is armed', async () => {
    getHub() // a hub exists from here on
    expect(mainInterruptArmed()).toBe(false)
    const t = Timeout.startNew(5)
    expect(mainInterruptArmed()).toBe(true)
    t.cancel()
    expect(mainInterruptArmed()).toBe(false)
    let inside = false
    await withTimeout(5, () => {
      inside = mainInterruptArmed()
    })
    expect(inside).toBe(true)
    expect(mainInterruptArmed()).toBe(false)
  })

  it('stays true while a fired Timeout waits for main to reach a wait', async () => {
    const t = Timeout.startNew(0.01)
    await delay(40) // not a Strand wait: the Timeout fires and stays pending
    expect(mainInterruptArmed()).toBe(true)
    await expect(sleep(0)).rejects.toBe(t)
    expect(mainInterruptArmed()).toBe(false)
  })

  it('does not count Timeouts of spawned greenlets', async () => {
    let seen: boolean | undefined
    await spawn(async () => {
      using _t = Timeout.startNew(5)
      seen = mainInterruptArmed()
    }).get()
    expect(seen).toBe(false)
  })
})

describe('spawnSite()', () => {
  it('returns where a greenlet was spawned while the hub tracks spawn sites, also after it died', async () => {
    const hub = getHub()
    const before = hub.trackSpawnSites
    hub.trackSpawnSites = true
    try {
      const g = spawn(() => 1)
      await g.join()
      expect(spawnSite(g)).toContain('hooks.test.ts')
    } finally {
      hub.trackSpawnSites = before
    }
    const untracked = spawn(() => 1)
    expect(spawnSite(untracked)).toBeUndefined()
    await untracked.join()
  })
})

describe('watchInterrupts()', () => {
  function recorder(): InterruptWatcher & { seen: unknown[] } {
    const seen: unknown[] = []
    return { seen, interrupted: (err) => void seen.push(err) }
  }

  it('tells a watcher of a kill when it is raised, once', async () => {
    const w = recorder()
    const g = spawn(async () => {
      watchInterrupts(getHub().current(), w)
      await sleep(60)
    })
    await sleep(0)
    expect(w.seen).toEqual([])
    const killing = g.kill()
    expect(w.seen).toHaveLength(1) // at the kill, before g runs again
    expect(w.seen[0]).toBeInstanceOf(GreenletExit)
    await killing
    expect(w.seen).toHaveLength(1)
  })

  it('tells of a Timeout that targets the greenlet, and the greenlet may go on', async () => {
    const w = recorder()
    const later = recorder()
    const g = spawn(async () => {
      const me = getHub().current()
      watchInterrupts(me, w)
      await withTimeout(0.01, () => sleep(60), { timeoutValue: 'late' })
      watchInterrupts(me, later) // a watcher is told of one interrupt: the next needs a new one
      await sleep(0)
      return 'went on'
    })
    expect(await g.get()).toBe('went on')
    expect(w.seen).toHaveLength(1)
    expect(w.seen[0]).toBeInstanceOf(Timeout)
    expect(later.seen).toEqual([])
  })

  it('tells main of its own Timeout', async () => {
    const w = recorder()
    const me = getHub().current()
    const t = Timeout.startNew(0.01)
    watchInterrupts(me, w)
    await expect(sleep(60)).rejects.toBe(t)
    expect(w.seen).toEqual([t])
  })

  it('tells at once while an interrupt is pending', async () => {
    const w = recorder()
    const g = spawn(async () => {
      await delay(30) // not a Strand wait: the kill stays pending
      watchInterrupts(getHub().current(), w)
      expect(w.seen).toHaveLength(1)
      await sleep(0) // the kill is raised here
    })
    await sleep(0)
    void g.kill()
    await g.join()
    expect(w.seen).toHaveLength(1)
  })

  it('tells nothing after unwatchInterrupts, and nothing on a normal death', async () => {
    const gone = recorder()
    const kept = recorder()
    const g = spawn(async () => {
      const me = getHub().current()
      watchInterrupts(me, gone)
      watchInterrupts(me, kept)
      unwatchInterrupts(me, gone)
      await sleep(60)
    })
    await sleep(0)
    await g.kill()
    expect(gone.seen).toEqual([])
    expect(kept.seen).toHaveLength(1)
    const quiet = recorder()
    await spawn(async () => {
      watchInterrupts(getHub().current(), quiet)
      await sleep(0)
    }).join()
    expect(quiet.seen).toEqual([])
  })
})

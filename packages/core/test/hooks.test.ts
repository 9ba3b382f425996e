import { setTimeout as delay } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { getHub, sleep, spawn, Timeout, withTimeout } from '../src/index.js'
import { mainInterruptArmed, spawnSite } from '../src/internal.js'

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

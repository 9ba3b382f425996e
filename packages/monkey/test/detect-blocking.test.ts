import { type ErrorHandler, type Greenlet, getHub, sleep, spawn } from '@strand/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type BlockingWatchdog,
  detectBlocking,
  EventLoopBlocked,
  patchAll,
  unpatchAll,
} from '../src/index.js'

const reports: Array<{ err: unknown; g: Greenlet | null }> = []
let handler: ErrorHandler

function block(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

let watchdog: BlockingWatchdog

beforeAll(async () => {
  const hub = getHub()
  handler = hub.handleError
  hub.handleError = (err, g) => reports.push({ err, g })
  hub.trackSpawnSites = true
  watchdog = detectBlocking(0.1)
  await watchdog.ready
})
afterAll(() => {
  watchdog.stop()
  unpatchAll()
  getHub().handleError = handler
  getHub().trackSpawnSites = false
})

describe('detectBlocking', () => {
  it('reports a 200 ms Atomics.wait block, naming the greenlet and where it was spawned', async () => {
    reports.length = 0
    const g = spawn(async () => {
      await sleep(0.05)
      block(200)
      await sleep(0)
    })
    g.name = 'blocker'
    await g.join()
    await sleep(0.05)
    expect(reports).toHaveLength(1)
    const { err, g: blamed } = reports[0] as { err: EventLoopBlocked; g: Greenlet | null }
    expect(err).toBeInstanceOf(EventLoopBlocked)
    expect(blamed).toBe(g)
    expect(err.greenlet).toBe('blocker')
    expect(err.seconds).toBeGreaterThanOrEqual(0.1)
    expect(err.threshold).toBe(0.1)
    expect(err.spawnedAt).toContain('detect-blocking.test.ts')
    expect(err.message).toContain('greenlet "blocker"')
  })

  it('names the greenlet also when it blocks as its last act, creating no promise after', async () => {
    reports.length = 0
    const g = spawn(async () => {
      await sleep(0.05)
      block(200)
      return 'done'
    })
    g.name = 'last-act'
    await g.join()
    await sleep(0.05)
    expect(reports.map((r) => (r.err as EventLoopBlocked).greenlet)).toEqual(['last-act'])
  })

  it('blames main for a block outside greenlets', async () => {
    reports.length = 0
    await sleep(0.05)
    block(200)
    await sleep(0.05)
    expect(reports.map((r) => (r.err as EventLoopBlocked).greenlet)).toEqual(['main'])
    expect(reports[0]?.g).toBeNull()
  })

  it('stays silent for a program that never blocks', async () => {
    // a roomier threshold: a machine this busy can starve a thread for 0.1 s by itself
    watchdog.stop()
    watchdog = detectBlocking(0.3)
    await watchdog.ready
    reports.length = 0
    const gs = Array.from({ length: 5 }, (_, i) =>
      spawn(async () => {
        for (let k = 0; k < 20; k++) await sleep(0.01 + i * 0.002)
      }),
    )
    for (const g of gs) await g.join()
    expect(reports).toEqual([])
  })

  it('starts with patchAll({ detectBlocking }), once, and stops with unpatchAll()', async () => {
    const report = patchAll({ detectBlocking: 0.1 })
    expect(report.detectBlocking).toBe(0.1)
    expect(patchAll({ detectBlocking: 0.2 }).detectBlocking).toBe(0.1) // the running one stays
    unpatchAll()
    expect(patchAll({ timers: false }).detectBlocking).toBeNull()
    unpatchAll()
  })

  it('rejects a threshold that is not above 0', () => {
    expect(() => detectBlocking(0)).toThrow(RangeError)
    expect(() => detectBlocking(Number.NaN)).toThrow(RangeError)
  })
})

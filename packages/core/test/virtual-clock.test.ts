import { describe, expect, it } from 'vitest'
import {
  getHub,
  joinAll,
  sleep,
  spawn,
  spawnLater,
  Timeout,
  VirtualClock,
  withTimeout,
} from '../src/index.js'

const hub = getHub()
const clock = new VirtualClock(100)
hub.useClock(clock)

describe('VirtualClock', () => {
  it('jumps over long sleeps in order, keeping relative time', async () => {
    const log: string[] = []
    const real0 = performance.now()
    const t0 = clock.now()
    await joinAll([
      spawn(async () => {
        await sleep(3600)
        log.push(`a at ${clock.now() - t0}`)
      }),
      spawn(async () => {
        await sleep(60)
        log.push(`b at ${clock.now() - t0}`)
      }),
      spawnLater(1800, () => log.push(`c at ${clock.now() - t0}`)),
    ])
    expect(log).toEqual(['b at 60', 'c at 1800', 'a at 3600'])
    expect(performance.now() - real0).toBeLessThan(1000)
  })

  it('fires Timeouts at their virtual deadline', async () => {
    const t0 = clock.now()
    expect(await withTimeout(5, () => sleep(10), { timeoutValue: 'late' })).toBe('late')
    expect(clock.now() - t0).toBe(5)
    const t = Timeout.startNew(1)
    await expect(sleep(2)).rejects.toBe(t)
  })

  it('waits while greenlets are ready to run', async () => {
    let spins = 0
    const spinner = spawn(async () => {
      while (spins < 1000) {
        spins++
        await sleep(0)
      }
    })
    await sleep(1)
    expect(spins).toBe(1000)
    await spinner.join()
  })

  it('refuses to swap clocks while timers are armed', async () => {
    const g = spawn(() => sleep(10))
    await sleep(0)
    expect(() => hub.useClock(new VirtualClock())).toThrow(/timer\(s\) are armed/)
    await g.kill()
  })
})

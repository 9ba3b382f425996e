import { describe, expect, it } from 'vitest'
import {
  getHub,
  Hub,
  joinAll,
  sleep,
  spawn,
  spawnLater,
  Timeout,
  VirtualClock,
  withTimeout,
} from '../src/index.js'
import { installHub } from '../src/internal.js'

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

describe('VirtualClock without autojump', () => {
  async function onFreshHub<T>(clock: VirtualClock, body: () => Promise<T>): Promise<T> {
    const fresh = new Hub({ clock })
    const restore = installHub(fresh)
    try {
      return await body()
    } finally {
      restore()
      fresh.dispose()
    }
  }

  it('stands still until advance(), which fires due timers in deadline order, each at its own time', async () => {
    const manual = new VirtualClock(0, { autojump: false })
    const log = await onFreshHub(manual, async () => {
      const seen: string[] = []
      spawn(async () => {
        await sleep(10)
        seen.push(`a at ${manual.now()}`)
      })
      spawn(async () => {
        await sleep(30)
        seen.push(`b at ${manual.now()}`)
      })
      await sleep(0)
      await new Promise((resolve) => setTimeout(resolve, 5))
      seen.push(`still ${manual.now()}`)
      await manual.advance(20)
      seen.push(`advanced to ${manual.now()}`)
      await manual.advance(20)
      seen.push(`advanced to ${manual.now()}`)
      return seen
    })
    expect(log).toEqual(['still 0', 'a at 10', 'advanced to 20', 'b at 30', 'advanced to 40'])
  })

  it('moves time at once with autojump on, and fires what fell due', async () => {
    const jumping = new VirtualClock(0)
    const at = await onFreshHub(jumping, async () => {
      let woke = -1
      spawn(async () => {
        await sleep(5)
        woke = jumping.now()
      })
      await sleep(0)
      await jumping.advance(7)
      return [woke, jumping.now()]
    })
    expect(at).toEqual([7, 7])
  })
})

import { describe, expect, it } from 'vitest'
import { getHub, idle, joinAll, sleep, spawn, spawnLater } from '../src/index.js'

describe('scheduling', () => {
  it('runs greenlets in spawn order, after the spawner waits', async () => {
    const log: string[] = []
    const mk = (n: string) => async () => {
      log.push(`${n}:start`)
      await sleep(0)
      log.push(`${n}:resume`)
    }
    const gs = [spawn(mk('A')), spawn(mk('B')), spawn(mk('C'))]
    log.push('main:after-spawn')
    await joinAll(gs)
    expect(log).toEqual([
      'main:after-spawn',
      'A:start',
      'B:start',
      'C:start',
      'A:resume',
      'B:resume',
      'C:resume',
    ])
  })

  it('interleaves two sleep(0) greenlets as 1A 2A 1B 2B', async () => {
    const out: string[] = []
    const f = (n: number) => async () => {
      out.push(`${n}A`)
      await sleep(0)
      out.push(`${n}B`)
    }
    await joinAll([spawn(f(1)), spawn(f(2))])
    expect(out.join(' ')).toBe('1A 2A 1B 2B')
  })

  it('prints the same output every run (determinism)', async () => {
    async function program(): Promise<string> {
      const out: string[] = []
      const gs = Array.from({ length: 20 }, (_, i) =>
        spawn(async () => {
          for (let k = 0; k < 3; k++) {
            out.push(`${i}.${k}`)
            if ((i + k) % 3 === 0) await sleep(0)
            else await spawn(() => out.push(`child of ${i}`)).join()
          }
        }),
      )
      await joinAll(gs)
      return out.join(',')
    }
    const first = await program()
    for (let r = 0; r < 3; r++) expect(await program()).toBe(first)
  })

  it('runs ready greenlets before any timer, timers by deadline then creation', async () => {
    const log: string[] = []
    spawnLater(0.02, () => log.push('later-20ms'))
    spawnLater(0, () => log.push('later-0-a'))
    spawn(() => log.push('spawn-1'))
    spawnLater(0, () => log.push('later-0-b'))
    spawn(() => log.push('spawn-2'))
    spawnLater(0.01, () => log.push('later-10ms'))
    await sleep(0.05)
    expect(log).toEqual([
      'spawn-1',
      'spawn-2',
      'later-0-a',
      'later-0-b',
      'later-10ms',
      'later-20ms',
    ])
  })

  it('lets sleep(0) yield to ready greenlets only, not to timers', async () => {
    const log: string[] = []
    const zero = spawn(async () => {
      for (let i = 0; i < 3; i++) {
        log.push(`zero${i}`)
        await sleep(0)
      }
    })
    const tiny = spawn(async () => {
      for (let i = 0; i < 3; i++) {
        log.push(`tiny${i}`)
        await sleep(0.000001)
      }
    })
    await joinAll([zero, tiny])
    expect(log.slice(0, 4)).toEqual(['zero0', 'tiny0', 'zero1', 'zero2'])
  })

  it('does not let a sleep(0) spinner starve a timer', async () => {
    let spinning = true
    const spinner = spawn(async () => {
      while (spinning) await sleep(0)
    })
    const t0 = performance.now()
    await sleep(0.01)
    const waited = performance.now() - t0
    spinning = false
    await spinner.join()
    expect(waited).toBeLessThan(500)
  })

  it('wakes sleepers in deadline order', async () => {
    const log: number[] = []
    const gs = [300, 100, 200].map((ms) =>
      spawn(async () => {
        await sleep(ms / 1000)
        log.push(ms)
      }),
    )
    await joinAll(gs)
    expect(log).toEqual([100, 200, 300])
  })

  it('sleeps at least the requested time', async () => {
    const t0 = performance.now()
    await sleep(0.03)
    expect(performance.now() - t0).toBeGreaterThanOrEqual(28)
  })

  it('resumes idle() after everything already queued', async () => {
    const log: string[] = []
    spawn(async () => {
      log.push('spawned')
      await sleep(0)
      log.push('spawned again')
    })
    await idle()
    log.push('after idle')
    expect(log).toEqual(['spawned', 'spawned again', 'after idle'])
  })

  it('runs a greenlet spawned by a greenlet that already ended', async () => {
    let ran = false
    await spawn(() => {
      spawn(() => {
        ran = true
      })
    }).join()
    await sleep(0.001)
    expect(ran).toBe(true)
  })

  it('keeps count of live greenlets', async () => {
    const hub = getHub()
    const before = hub.stats()
    const g = spawn(() => sleep(0.01))
    expect(hub.stats().live).toBe(before.live + 1)
    expect(hub.stats().spawned).toBe(before.spawned + 1)
    await g.join()
    expect(hub.stats().live).toBe(before.live)
  })
})

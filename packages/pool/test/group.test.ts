import { Greenlet, GreenletExit, getCurrent, sleep, spawn } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { BaseGroup, Group } from '../src/index.js'
import { captureReports } from './helpers.js'

captureReports()

/** A greenlet body that swallows every kill, counting the shots. */
function undead(shots: { n: number; stop?: boolean }) {
  return async () => {
    while (shots.stop !== true) {
      try {
        await sleep(0.01)
      } catch {
        shots.n++
      }
    }
  }
}

describe('Group', () => {
  describe('spawn()', () => {
    it('tracks members and forgets each as it dies', async () => {
      const group = new Group()
      const a = group.spawn(() => sleep(0.01))
      const b = group.spawn(() => sleep(0.04))
      expect(group.size).toBe(2)
      expect(group.has(a) && group.has(b)).toBe(true)
      expect([...group]).toEqual([a, b])
      await a.join()
      expect(group.size).toBe(1)
      expect(group.has(a)).toBe(false)
      await b.join()
      expect(group.size).toBe(0)
      expect(group).toBeInstanceOf(BaseGroup)
      expect(group.full()).toBe(false)
    })
  })

  describe('add() and constructor', () => {
    it('tracks existing greenlets and ignores dead ones and duplicates', async () => {
      const g = spawn(() => sleep(0.01))
      const dead = new Greenlet(() => 1)
      void dead.kill()
      const group = new Group([g, dead])
      group.add(g)
      expect(group.size).toBe(1)
      await group.join()
      expect(group.size).toBe(0)
    })

    it('start() adds and starts', async () => {
      const group = new Group()
      const g = new Greenlet(() => 'x')
      group.start(g)
      expect(group.has(g)).toBe(true)
      expect(await g.get()).toBe('x')
    })

    it('rejects non-greenlets with a TypeError', () => {
      expect(() => new Group().add('g' as never)).toThrow(/`greenlet`/)
      expect(() => new Group(5 as never)).toThrow(TypeError)
      expect(() => new Group([1] as never)).toThrow(TypeError)
    })
  })

  describe('join()', () => {
    it('returns true at once for an empty group', async () => {
      expect(await new Group().join()).toBe(true)
    })

    it('returns false on timeout, then true once empty', async () => {
      const group = new Group()
      group.spawn(() => sleep(0.03))
      group.spawn(() => sleep(0.01))
      expect(await group.join({ timeout: 0.002 })).toBe(false)
      expect(await group.join()).toBe(true)
      expect(group.size).toBe(0)
    })

    it('with raiseError waits for the longest member and rethrows a failure', async () => {
      const group = new Group()
      group.spawn(() => sleep(0.02))
      group.spawn(() => sleep(0.04))
      const t0 = performance.now()
      expect(await group.join({ raiseError: true })).toBe(true)
      expect(performance.now() - t0).toBeGreaterThan(30)
      group.spawn(async () => {
        await sleep(0.005)
        throw new TypeError('member failed')
      })
      await expect(group.join({ raiseError: true })).rejects.toThrow('member failed')
      expect(group.size).toBe(0)
    })

    it('rejects a bad timeout synchronously', () => {
      expect(() => new Group().join({ timeout: -1 })).toThrow(RangeError)
      expect(() => new Group().join({ timeout: 'x' as never })).toThrow(TypeError)
    })
  })

  describe('kill()', () => {
    it('empties the group and waits for the deaths', async () => {
      const group = new Group()
      const finallies: number[] = []
      for (let i = 0; i < 2; i++) {
        group.spawn(async () => {
          try {
            await sleep(10)
          } finally {
            finallies.push(i)
          }
        })
      }
      await sleep(0)
      const t0 = performance.now()
      await group.kill()
      expect(performance.now() - t0).toBeLessThan(150)
      expect(group.size).toBe(0)
      expect(finallies).toEqual([0, 1])
    })

    it('with block: false delivers the kills and returns before they die', async () => {
      const group = new Group()
      group.spawn(() => sleep(10))
      group.spawn(() => sleep(10))
      await sleep(0)
      await group.kill({ block: false })
      expect(group.size).toBe(2)
      await sleep(0.001)
      expect(group.size).toBe(0)
    })

    it('kills a never-started member and a sleeper', async () => {
      const group = new Group()
      const p1 = group.spawn(() => 1 / 0)
      const p2 = group.spawn(() => sleep(10))
      await group.kill()
      expect(p1.dead && p2.dead).toBe(true)
    })

    it('shoots every member once and returns silently when its timeout passes', async () => {
      const shots: { n: number; stop?: boolean } = { n: 0 }
      const group = new Group()
      const p1 = group.spawn(undead(shots))
      const p2 = group.spawn(undead(shots))
      await sleep(0.001)
      await group.killone(p1, { block: false })
      await group.killone(p1, { block: false })
      await sleep(0)
      expect(shots.n).toBe(1)
      for (let i = 0; i < 3; i++) await group.kill({ block: false })
      await sleep(0)
      expect(shots.n).toBe(2)
      const t0 = performance.now()
      await group.kill({ timeout: 0.03 })
      expect(performance.now() - t0).toBeGreaterThan(20)
      expect(shots.n).toBe(2)
      expect(p1.dead || p2.dead).toBe(false)
      expect(group.size).toBe(2)
      shots.stop = true
      expect(await group.join()).toBe(true)
    })

    it('raises a custom exception in each member', async () => {
      const group = new Group()
      const g = group.spawn(() => sleep(10))
      await sleep(0)
      const err = new Error('custom')
      await group.kill({ exception: err })
      expect(g.exception).toBe(err)
    })

    it('is what [Symbol.asyncDispose] does', async () => {
      const group = new Group()
      const g = group.spawn(() => sleep(10))
      await group[Symbol.asyncDispose]()
      expect(g.dead).toBe(true)
    })
  })

  describe('killone()', () => {
    it('kills a member and waits for it; ignores non-members', async () => {
      const group = new Group()
      const g = group.spawn(() => sleep(10))
      const stranger = spawn(() => sleep(0.01))
      await sleep(0)
      await group.killone(stranger)
      expect(stranger.dead).toBe(false)
      await group.killone(g)
      expect(g.dead).toBe(true)
      expect(group.size).toBe(0)
      expect(() => group.killone(null as never)).toThrow(TypeError)
    })
  })

  describe('discard()', () => {
    it('stops tracking without killing', async () => {
      const group = new Group()
      const g = group.spawn(() => sleep(0.01))
      group.discard(g)
      expect(group.size).toBe(0)
      expect(g.dead).toBe(false)
      await g.join()
    })
  })

  describe('apply() and applyAsync()', () => {
    it('runs apply inline in a member (no new greenlet)', async () => {
      const group = new Group()
      const names = await group.spawn(async () => {
        const outer = getCurrent()
        const inner = await group.apply(() => getCurrent())
        return outer === inner
      })
      expect(await names.get()).toBe(true)
    })

    it('applyAsync tracks the greenlet and calls back with the result', async () => {
      const group = new Group()
      const seen: number[] = []
      const g = group.applyAsync(
        (a: number, b: number) => a + b,
        [1, 2],
        (r) => seen.push(r),
      )
      expect(group.has(g)).toBe(true)
      expect(await g.get()).toBe(3)
      await sleep(0)
      expect(seen).toEqual([3])
    })
  })

  it('counts a member killed with GreenletExit as done, not failed', async () => {
    const group = new Group()
    const g = group.spawn(() => sleep(10))
    await sleep(0)
    await group.killone(g)
    expect(g.successful()).toBe(true)
    expect(g.value).toBeInstanceOf(GreenletExit)
    expect(await group.join({ raiseError: true })).toBe(true)
  })
})

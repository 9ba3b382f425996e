import {
  GreenletExit,
  getHub,
  idle,
  sleep,
  spawn,
  Timeout,
  VirtualClock,
  withTimeout,
} from '@strand/core'
import { afterEach, describe, expect, it } from 'vitest'
import { type Blocked, type BlockingWait, wakeAndKill } from './waits/contract.js'
import { CORE_WAITS } from './waits/core-waits.js'
import { EVENT_WAITS } from './waits/event-waits.js'
import { LOCK_WAITS } from './waits/lock-waits.js'
import { POOL_WAITS } from './waits/pool-waits.js'
import { QUEUE_WAITS } from './waits/queue-waits.js'
import { foreignAwaitUntil, parkedOn, Scene } from './waits/scene.js'

// The contract every blocking wait keeps (gevent's AbstractGenericWaitTestCase and
// AbstractGenericGetTestCase, run over one table): a kill at the wait ends it and takes
// nothing; an outer Timeout comes out as itself, never as the wait's own timeout result;
// its own timeout gives what it documents; a kill in the same turn as a wake loses
// nothing and grants nothing twice. On the VirtualClock: timeouts cost no real time.
const WAITS: BlockingWait[] = [
  ...CORE_WAITS,
  ...EVENT_WAITS,
  ...LOCK_WAITS,
  ...QUEUE_WAITS,
  ...POOL_WAITS,
]

const clock = new VirtualClock()
getHub().useClock(clock)

let scene: Scene | null = null
afterEach(async () => {
  // a failed case leaves its waiters: end them without checks
  const s = scene
  scene = null
  if (s !== null) {
    await s.release()
    await s.b.close?.()
  }
})

function ownTimeoutResult(p: BlockingWait): string {
  const own = p.ownTimeout
  if (own === undefined) return ''
  return 'resolves' in own ? `resolves ${String(own.resolves)}` : `rejects with ${own.rejects.name}`
}

describe.each(WAITS)('$name', (p) => {
  const test = (title: string, body: (b: Blocked) => Promise<void>): void => {
    it(title, async () => {
      const s = new Scene(p.make())
      scene = s
      await body(s.b)
      scene = null
    })
  }
  const waitTimeout = p.ownTimeout === undefined ? undefined : 1

  test('is interrupted by kill() at the wait, and a later wake is not lost to it', async () => {
    const s = scene!
    const a = await s.park('A')
    await a.g.kill()
    expect(a.g.value).toBeInstanceOf(GreenletExit)
    expect(a.got).toEqual([])
    await s.end(true) // nobody waits now: what the wake grants stays in the primitive
  })

  test('raises an outer Timeout as itself, never as its own timeout result', async (b) => {
    const g = spawn(async () => {
      const t = Timeout.startNew(0.01)
      try {
        await b.wait(waitTimeout)
        return 'not interrupted'
      } catch (err) {
        return err === t ? 'the outer Timeout' : err
      } finally {
        t.cancel()
      }
    })
    expect(await g.get()).toBe('the outer Timeout')
    await scene!.end(true)
  })

  test('ends with the timeoutValue inside a shorter withTimeout', async (b) => {
    const g = spawn(() =>
      withTimeout(0.01, () => b.wait(waitTimeout), { timeoutValue: 'timed out' }),
    )
    expect(await g.get()).toBe('timed out')
    await scene!.end(true)
  })

  test('raises the outer of two Timeouts that expired during a foreign await; the inner one does not hide it', async (b) => {
    const g = spawn(() =>
      withTimeout(
        0.05,
        async () => {
          const inner = await withTimeout(
            0.1,
            async () => {
              await foreignAwaitUntil(clock, clock.now() + 0.1) // both Timeouts expire meanwhile
              await b.wait(waitTimeout)
              return 'inner finished'
            },
            { timeoutValue: 'inner timed out' },
          )
          await sleep(2)
          return `outer ran to the end after: ${inner}`
        },
        { timeoutValue: 'outer timed out' },
      ),
    )
    expect(await g.get()).toBe('outer timed out')
    await scene!.end(true)
  })

  const own = p.ownTimeout
  if (own !== undefined) {
    test(`${ownTimeoutResult(p)} when its own timeout passes`, async (b) => {
      const g = spawn(async () => {
        const t0 = clock.now()
        try {
          const value = await b.wait(0.05)
          return { value, after: clock.now() - t0 }
        } catch (error) {
          return { error, after: clock.now() - t0 }
        }
      })
      const r = (await g.get()) as { value?: unknown; error?: unknown; after: number }
      expect(r.after).toBeGreaterThan(0.05 - 1e-9) // virtual seconds: no scheduling slack
      expect(r.after).toBeLessThan(0.06)
      if ('resolves' in own) {
        expect(r).not.toHaveProperty('error')
        expect(r.value).toBe(own.resolves)
      } else {
        expect(r.error).toBeInstanceOf(own.rejects)
      }
      await scene!.end(true)
    })
  }

  if (p.onlyTime === true) return

  test('a waiter woken and killed in the same turn keeps what it got; the kill lands at its next wait', async (b) => {
    const s = scene!
    const a = await s.park('A')
    const second = p.single === true ? null : await s.park('B')
    wakeAndKill(b, () => void a.g.kill(), false)
    await idle()
    expect(a.got).toHaveLength(1)
    expect(b.granted(a.got[0]), `A got ${String(a.got[0])}`).toBe(true)
    expect(a.laterKill).toBeInstanceOf(GreenletExit)
    if (second !== null && p.broadcast === true) {
      expect(second.got).toHaveLength(1)
      expect(b.granted(second.got[0])).toBe(true)
    } else if (second !== null) {
      expect(second.got).toEqual([]) // granted once, not twice
      expect(parkedOn(second.g)).toHaveLength(1)
    }
    await s.end(false)
  })

  test('a waiter killed in the same turn before the wake gets nothing; the next waiter or the primitive does', async (b) => {
    const s = scene!
    const a = await s.park('A')
    const second = p.single === true ? null : await s.park('B')
    wakeAndKill(b, () => void a.g.kill(), true)
    await idle()
    expect(a.g.dead).toBe(true)
    expect(a.g.value).toBeInstanceOf(GreenletExit)
    expect(a.got).toEqual([])
    if (second !== null) {
      expect(second.got).toHaveLength(1)
      expect(b.granted(second.got[0])).toBe(true)
    }
    await s.end(false)
  })

  const overGrant = p.overGrant
  if (overGrant !== undefined) {
    test('refuses a second release in the same turn, while the unit it handed off is on its way', async (b) => {
      // once A has resumed it holds the unit and a release is legal again (as in
      // gevent, a counting lock cannot tell who releases); before that, it is not
      const s = scene!
      const a = await s.park('A')
      const second = await s.park('B')
      b.wake?.()
      expect(() => b.wake?.()).toThrow(overGrant)
      await idle()
      expect(a.got).toEqual([true])
      expect(second.got).toEqual([]) // two greenlets never hold one unit
      await s.end(false)
    })
  }
})

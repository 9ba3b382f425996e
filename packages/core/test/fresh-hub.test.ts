import { describe, expect, it } from 'vitest'
import {
  Greenlet,
  getCurrent,
  getHub,
  Hub,
  joinAll,
  sleep,
  spawn,
  Timeout,
  type TraceEvent,
  VirtualClock,
} from '../src/index.js'
import { installHub } from '../src/internal.js'

async function onFreshHub<T>(hub: Hub, body: () => Promise<T>): Promise<T> {
  const restore = installHub(hub)
  try {
    return await body()
  } finally {
    restore()
    hub.dispose()
  }
}

async function interleaving(): Promise<string> {
  const out: string[] = []
  const worker = (name: string) => async () => {
    for (let i = 0; i < 3; i++) {
      out.push(`${name}${i}`)
      await sleep(0)
    }
  }
  await joinAll([spawn(worker('a')), spawn(worker('b'))])
  return out.join(' ')
}

describe('installHub()', () => {
  it('runs a program on a hub of its own, with its own virtual clock, then restores the thread hub', async () => {
    const threadHub = getHub()
    const clock = new VirtualClock()
    const slept = await onFreshHub(new Hub({ clock }), async () => {
      expect(getHub()).not.toBe(threadHub)
      await spawn(() => sleep(3600)).join()
      return clock.now()
    })
    expect(slept).toBe(3600)
    expect(getHub()).toBe(threadHub)
  })

  it('keeps the deterministic order without a shuffle', async () => {
    const order = await onFreshHub(new Hub({ clock: new VirtualClock() }), interleaving)
    expect(order).toBe('a0 b0 a1 b1 a2 b2')
  })

  it('runs what is ready in another order when given a shuffle', async () => {
    const orders = new Set<string>()
    for (let seed = 1; seed <= 20; seed++) {
      let state = seed
      const shuffle = (n: number): number => {
        state = (state * 1103515245 + 12345) % 2147483648
        return state % n
      }
      orders.add(await onFreshHub(new Hub({ clock: new VirtualClock(), shuffle }), interleaving))
    }
    expect(orders.size).toBeGreaterThan(1)
  })
})

describe('Hub option trace', () => {
  function describeEvent(e: TraceEvent): string {
    switch (e.kind) {
      case 'spawn':
        return `${e.parent.name} spawns ${e.greenlet.name}`
      case 'start':
        return `${e.greenlet.name} starts`
      case 'wait':
        return `${e.greenlet.name} waits on ${e.label}${e.seconds === null ? '' : ` (${e.seconds} s)`}`
      case 'resume':
        return `${e.greenlet?.name ?? '?'} resumes after ${e.label}${e.failed ? ` with ${(e.error as Error).name}` : ''}`
      case 'callback':
        return `callback ${e.name}`
    }
  }

  it('tells every spawn, start, wake-up and callback in the order the hub takes them', async () => {
    const events: TraceEvent[] = []
    const hub = new Hub({ clock: new VirtualClock(), trace: (e) => events.push(e) })
    await onFreshHub(hub, async () => {
      const a = spawn(async () => {
        await sleep(0)
        await sleep(1)
      })
      a.name = 'a'
      const b = spawn(() => sleep(5))
      b.name = 'b'
      b.rawlink(function linked() {})
      await a.join()
      const t = Timeout.startNew(1)
      await b.join().catch((err) => expect(err).toBe(t))
      await b.kill()
    })
    // names are read afterwards: they are set after spawn() returns
    expect(events.map(describeEvent)).toEqual([
      'main spawns a',
      'main spawns b',
      'main waits on join(a)',
      'a starts',
      'a waits on sleep(0)',
      'b starts',
      'b waits on sleep (5 s)',
      'a resumes after sleep(0)',
      'a waits on sleep (1 s)',
      'a resumes after sleep',
      'main resumes after join(a)',
      'main waits on join(b)',
      'main resumes after join(b) with Timeout',
      'b resumes after sleep with GreenletExit',
      '? resumes after kill',
      'callback linked',
    ])
  })

  it('leaves the order of the schedule as it is without a trace', async () => {
    const traced = new Hub({ clock: new VirtualClock(), trace: () => {} })
    expect(await onFreshHub(traced, interleaving)).toBe('a0 b0 a1 b1 a2 b2')
  })
})

describe('context hooks across hubs', () => {
  it("keep following a fresh hub's greenlets after another hub's last greenlet ended", async () => {
    // the first hub's last greenlet ends: it schedules a check for "nobody alive"
    await onFreshHub(new Hub({ clock: new VirtualClock() }), () => spawn(() => 1).get())
    const seen = await onFreshHub(new Hub({ clock: new VirtualClock() }), async () => {
      const g: Greenlet<boolean> = spawn(async (): Promise<boolean> => {
        // across event-loop turns, so the check runs while this greenlet is alive
        for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve))
        return getCurrent() === g
      })
      return g.get()
    })
    expect(seen).toBe(true)
  })
})

describe('default names', () => {
  it("number greenlets in creation order; making main's handle takes no number", async () => {
    const number = (g: { name: string }): number => Number(g.name.replace('Greenlet-', ''))
    const a = new Greenlet(() => 1)
    const hub = new Hub()
    const restore = installHub(hub)
    try {
      getCurrent() // makes this hub's main handle
    } finally {
      restore()
      hub.dispose()
    }
    const b = new Greenlet(() => 2)
    expect(number(b)).toBe(number(a) + 1)
  })
})

import { describe, expect, it } from 'vitest'
import { getHub, Hub, joinAll, sleep, spawn, VirtualClock } from '../src/index.js'
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

import { GreenletExit, joinAll, sleep, spawn, Timeout } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../test-kit/src/mulberry32.js'
import { AsyncResult, Event } from '../src/index.js'

type Seen = 'value' | 'timeout' | 'killed'

/** Waiters with random timeouts and random kills; every one must end one of three ways. */
async function storm(seed: number, kind: 'event' | 'result'): Promise<Record<Seen, number>> {
  const rand = mulberry32(seed)
  const ev = new Event()
  const ar = new AsyncResult<string>()
  const n = 600
  const seen: (Seen | undefined)[] = new Array(n)
  const gs = Array.from({ length: n }, (_, i) =>
    spawn(async () => {
      await sleep(rand() < 0.5 ? 0 : rand() * 0.01)
      const r = rand()
      const timeout = r < 0.3 ? rand() * 0.02 : undefined
      try {
        if (kind === 'event') {
          seen[i] = (await ev.wait({ timeout })) ? 'value' : 'timeout'
        } else if (r < 0.65) {
          seen[i] = (await ar.wait({ timeout })) === 'v' ? 'value' : 'timeout'
        } else {
          seen[i] = (await ar.get({ timeout })) === 'v' ? 'value' : 'timeout'
        }
      } catch (err) {
        if (err instanceof GreenletExit) seen[i] = 'killed'
        else if (err instanceof Timeout) seen[i] = 'timeout'
        else throw err
      }
    }),
  )
  const killer = spawn(async () => {
    for (let k = 0; k < 150; k++) {
      await sleep(rand() < 0.5 ? 0 : rand() * 0.002)
      void gs[Math.floor(rand() * n)]?.kill()
    }
  })
  await sleep(0.01)
  if (kind === 'event') ev.set()
  else ar.set('v')
  // a few kills in the very turn of the set
  for (let k = 0; k < 20; k++) void gs[Math.floor(rand() * n)]?.kill()
  const done = await joinAll([...gs, killer], { timeout: 10 })
  expect(done.length).toBe(n + 1)
  const counts: Record<Seen, number> = { value: 0, timeout: 0, killed: 0 }
  for (let i = 0; i < n; i++) {
    const g = gs[i]
    const s = seen[i]
    if (s === undefined) {
      // killed before it started waiting (or before it started at all)
      expect(g?.value).toBeInstanceOf(GreenletExit)
      counts.killed++
    } else counts[s]++
  }
  return counts
}

describe('stress', () => {
  for (const seed of [1, 42, 2024]) {
    it(`every Event waiter sees true, its own timeout or its kill (seed ${seed})`, async () => {
      const c = await storm(seed, 'event')
      expect(c.value).toBeGreaterThan(0)
      expect(c.value + c.timeout + c.killed).toBe(600)
    })

    it(`every AsyncResult waiter sees the value, its own timeout or its kill (seed ${seed})`, async () => {
      const c = await storm(seed, 'result')
      expect(c.value).toBeGreaterThan(0)
      expect(c.value + c.timeout + c.killed).toBe(600)
    })
  }
})

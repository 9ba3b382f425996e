import { describe, expect, it } from 'vitest'
import { Greenlet, GreenletExit, getHub, killAll, sleep, spawn } from '../src/index.js'

class Custom extends Error {}

// gevent's TestKill matrix: never started / started / startLater'd / running, killed with
// kill() or killAll(), with GreenletExit, an Error instance or a plain value.
type Stage = 'unstarted' | 'started' | 'startLater' | 'running'
const stages: Stage[] = ['unstarted', 'started', 'startLater', 'running']
const exceptions: [string, () => unknown][] = [
  ['GreenletExit', () => new GreenletExit()],
  ['an Error', () => new Custom('k')],
  ['a plain value', () => 42],
]

describe('kill()', () => {
  for (const stage of stages) {
    for (const [name, make] of exceptions) {
      for (const via of ['kill', 'killAll'] as const) {
        it(`stops a ${stage} greenlet with ${name} via ${via}`, async () => {
          const result: string[] = []
          const links: Greenlet[] = []
          const g = new Greenlet(async () => {
            if (stage === 'running') await sleep(10)
            result.push('body ran past its wait')
          })
          g.rawlink((x) => links.push(x as Greenlet))
          if (stage === 'started' || stage === 'running') g.start()
          if (stage === 'startLater') g.startLater(0.2)
          if (stage === 'running') await sleep(0)
          const exc = make()
          if (via === 'kill') await g.kill(exc)
          else await killAll([g], { exception: exc })
          expect(g.dead).toBe(true)
          expect(g.ready()).toBe(true)
          expect(g.started).toBe(false)
          if (name === 'GreenletExit') {
            expect(g.successful()).toBe(true)
            expect(g.value).toBe(exc)
          } else {
            expect(g.successful()).toBe(false)
            expect(g.exception).toBe(exc)
          }
          await g.kill() // a second kill changes nothing
          await sleep(0.01)
          expect(result).toEqual([])
          expect(links).toEqual([g])
          expect(g.successful()).toBe(name === 'GreenletExit')
        })
      }
    }
  }

  it('instantiates an error class given as the exception', async () => {
    const g = spawn(() => sleep(1))
    const joined = g.join() // observed: its failure is not reported
    await sleep(0)
    await g.kill(Custom)
    await joined
    expect(g.exception).toBeInstanceOf(Custom)
  })

  it('kills a greenlet that was never started synchronously', () => {
    const g = new Greenlet(() => 'never')
    void g.kill()
    expect(g.dead).toBe(true)
    expect(g.value).toBeInstanceOf(GreenletExit)
  })

  it('raises at the await and runs except/finally before the kill promise resolves', async () => {
    const state: string[] = []
    const g = spawn(async () => {
      state.push('start')
      try {
        await sleep(0.3)
      } catch (err) {
        state.push(err instanceof GreenletExit ? 'except' : 'other')
      }
      state.push('finished')
    })
    await sleep(0.01)
    await g.kill()
    expect(state).toEqual(['start', 'except', 'finished'])
  })

  it('never switches: the victim dies only after the caller waits', async () => {
    const g = spawn(() => sleep(1))
    await sleep(0)
    void g.kill()
    expect(g.dead).toBe(false)
    await sleep(0)
    expect(g.dead).toBe(true)
  })

  it('returns after its timeout when the victim swallows the exception', async () => {
    let undead = true
    const g = spawn(async () => {
      while (undead) {
        try {
          await sleep(1)
        } catch {
          // swallows every kill while undead
        }
      }
    })
    await sleep(0)
    const t0 = performance.now()
    await g.kill(undefined, { timeout: 0.03 })
    expect(performance.now() - t0).toBeGreaterThanOrEqual(25)
    expect(g.dead).toBe(false)
    await g.kill(new Custom('really'), { timeout: 0.01 })
    expect(g.dead).toBe(false) // it swallows that too
    undead = false
    await g.kill()
    expect(g.dead).toBe(true)
  })

  it('raises at the next wait when the victim is busy elsewhere', async () => {
    let release!: () => void
    const foreign = new Promise<void>((r) => {
      release = r
    })
    const log: string[] = []
    const g = spawn(async () => {
      await foreign // a promise Strand knows nothing about
      log.push('back from foreign await')
      await sleep(0)
      log.push('not reached')
    })
    await sleep(0)
    void g.kill()
    await sleep(0.01)
    expect(g.dead).toBe(false)
    release()
    await g.join()
    expect(log).toEqual(['back from foreign await'])
    expect(g.value).toBeInstanceOf(GreenletExit)
  })

  it('aborts the greenlet signal with the kill exception', async () => {
    const seen: unknown[] = []
    const g = spawn(async () => {
      const { signal } = getHub().current()
      signal.addEventListener('abort', () => seen.push(signal.reason))
      await sleep(10)
    })
    await sleep(0)
    const exc = new GreenletExit('stop')
    await g.kill(exc)
    expect(seen).toEqual([exc])
    expect(g.signal.aborted).toBe(true)
  })

  it('gives an already-aborted signal to a greenlet killed before start', () => {
    const g = new Greenlet(() => undefined)
    void g.kill()
    expect(g.signal.aborted).toBe(true)
    expect(g.signal.reason).toBeInstanceOf(GreenletExit)
  })

  it('leaves a killed sleep(0) loop after its current turn', async () => {
    let iterations = 0
    const g = spawn(async () => {
      for (;;) {
        iterations++
        await sleep(0)
      }
    })
    await sleep(0)
    await sleep(0)
    await g.kill()
    expect(g.dead).toBe(true)
    const at = iterations
    await sleep(0.01)
    expect(iterations).toBe(at)
  })

  it('kills 10k blocked greenlets leaving no waiters or timers behind', async () => {
    const hub = getHub()
    const base = hub.stats()
    const gs = Array.from({ length: 10_000 }, () => spawn(() => sleep(60)))
    await sleep(0)
    expect(hub.stats().timers).toBe(base.timers + 10_000)
    await killAll(gs)
    expect(gs.every((g) => g.dead && g.successful())).toBe(true)
    expect(hub.stats()).toMatchObject({ timers: base.timers, live: base.live })
  })
})

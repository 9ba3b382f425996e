import { once } from 'node:events'
import { type AddressInfo, connect, createServer, type Socket } from 'node:net'
import { getHub, joinAll, sleep, spawn } from '@strand/core'
import { Event } from '@strand/event'
import { describe, expect, it } from 'vitest'
import { plantedBugs } from '../examples/index.js'
import { explore, RaceFound, RealIOError, TooManySteps } from '../src/index.js'

async function raceOf(run: Promise<unknown>): Promise<RaceFound> {
  const err = await run.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(err instanceof RaceFound)) throw new Error(`expected a RaceFound, got ${String(err)}`)
  return err
}

describe('explore() on the planted bugs', () => {
  describe.each(plantedBugs)('$name', (bug) => {
    it('passes on the schedule without perturbation: the bug hides there', async () => {
      const report = await explore(bug.buggy, { runs: 3, seed: 1, perturb: false })
      expect(report).toMatchObject({ runs: 3, schedules: 1 })
    })

    it('finds it within 200 runs for seeds 1 to 5, naming the seed', async () => {
      for (let seed = 1; seed <= 5; seed++) {
        const race = await raceOf(explore(bug.buggy, { runs: 200, seed }))
        expect(race.run).toBeLessThanOrEqual(200)
        expect(race.message).toContain(`(seed ${race.seed})`)
        expect(race.message).toContain(`explore(fn, { replay: ${race.seed} })`)
        expect(race.trace.length).toBeGreaterThan(0)
      }
    })

    it('replays the failing run twice with the same trace', async () => {
      const race = await raceOf(explore(bug.buggy, { runs: 200, seed: 1 }))
      const again = await raceOf(explore(bug.buggy, { replay: race.seed }))
      const third = await raceOf(explore(bug.buggy, { replay: race.seed }))
      expect(again.trace).toEqual(race.trace)
      expect(third.trace).toEqual(race.trace)
      expect([again.seed, again.run, again.runs]).toEqual([race.seed, 1, 1])
      expect(String(again.cause)).toBe(String(race.cause))
    })

    it('passes 1,000 runs of the correct version', async () => {
      const report = await explore(bug.fixed, { runs: 1000, seed: 1 })
      expect(report.runs).toBe(1000)
      expect(report.schedules).toBeGreaterThan(1)
    })
  })

  it('names the cycle of a lock-order deadlock in the cause', async () => {
    const lockOrder = plantedBugs[2]!
    const race = await raceOf(explore(lockOrder.buggy, { runs: 200, seed: 1 }))
    expect(race.cause).toBeInstanceOf(Error)
    expect((race.cause as Error).name).toBe('LoopExit')
    expect(race.message).toContain(
      'Cycle: transfer holds Lock "accounts", waits Lock "audit"; report holds Lock "audit", waits Lock "accounts"',
    )
  })
})

describe('explore()', () => {
  it('returns a report naming the seed it drew when none was given', async () => {
    const report = await explore(() => sleep(1), { runs: 2 })
    expect(report.runs).toBe(2)
    expect(Number.isInteger(report.seed)).toBe(true)
    expect(report.perturb).toEqual({ timers: 0.01, readyOrder: false })
  })

  it('shuffles what is ready in one turn only with readyOrder', async () => {
    // relies on Event waking its waiters first come, first served
    const fifo = async () => {
      const order: string[] = []
      const ready = new Event()
      const gs = ['a', 'b', 'c'].map((name) =>
        spawn(async () => {
          await ready.wait()
          order.push(name)
        }),
      )
      await sleep(0)
      ready.set()
      await joinAll(gs)
      if (order.join('') !== 'abc') throw new Error(`woke in order ${order.join('')}`)
    }
    expect((await explore(fifo, { runs: 50, seed: 1 })).schedules).toBe(1)
    const race = await raceOf(explore(fifo, { runs: 50, seed: 1, perturb: { readyOrder: true } }))
    expect(race.message).toContain('perturb: { timers: 0.01, readyOrder: true }')
    const again = await raceOf(explore(fifo, { replay: race.seed, perturb: { readyOrder: true } }))
    expect(again.trace).toEqual(race.trace)
  })

  it('fails a run that never ends with TooManySteps', async () => {
    const race = await raceOf(
      explore(
        async () => {
          for (;;) await sleep(1)
        },
        { runs: 1, seed: 1, maxSteps: 500 },
      ),
    )
    expect(race.cause).toBeInstanceOf(TooManySteps)
    expect(race.message).toContain('maxSteps: 500')
  })

  it('counts an error nobody retrieved as a failure', async () => {
    const race = await raceOf(
      explore(
        async () => {
          spawn(async () => {
            await sleep(0.01)
            throw new Error('unheard')
          }).name = 'quiet'
          await sleep(1)
        },
        { runs: 1, seed: 1 },
      ),
    )
    expect((race.cause as Error).message).toBe('unheard')
    expect(
      race.trace.filter((line) => line.endsWith('quiet ends: failed with Error')),
    ).toHaveLength(1)
  })

  it('leaves no listener and no hub behind after many runs', async () => {
    const listeners = process.listenerCount('beforeExit')
    await explore(plantedBugs[3]!.fixed, { runs: 300, seed: 2 })
    await raceOf(explore(plantedBugs[2]!.buggy, { runs: 200, seed: 2 }))
    expect(process.listenerCount('beforeExit')).toBe(listeners)
  })

  it('puts the thread hub back after every run', async () => {
    const hub = getHub()
    await raceOf(explore(plantedBugs[0]!.buggy, { runs: 200, seed: 1 }))
    expect(getHub()).toBe(hub)
  })

  it('refuses real I/O with RealIOError, not a RaceFound: every run would do it', async () => {
    const server = createServer(() => {}) // accepts, never writes
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const { port } = server.address() as AddressInfo
    const sockets: Socket[] = []
    try {
      const err = await explore(
        async () => {
          const socket = connect(port, '127.0.0.1')
          sockets.push(socket)
          await once(socket, 'data')
        },
        { runs: 5, seed: 1 },
      ).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(RealIOError)
      expect(sockets).toHaveLength(1) // stopped at the first run
    } finally {
      for (const socket of sockets) socket.destroy()
      server.close()
      await once(server, 'close')
    }
  })

  it('validates its arguments synchronously', () => {
    expect(() => explore('nope' as never)).toThrow(TypeError)
    expect(() => explore(() => {}, { runs: 0 })).toThrow(
      'Expected `runs` to be an integer from 1 and up, got `0` (number)',
    )
    expect(() => explore(() => {}, { seed: -1 })).toThrow(RangeError)
    expect(() => explore(() => {}, { seed: 2 ** 32 })).toThrow(RangeError)
    expect(() => explore(() => {}, { perturb: { timers: -1 } })).toThrow(RangeError)
    expect(() => explore(() => {}, { perturb: { timers: Infinity } })).toThrow(RangeError)
    expect(() => explore(() => {}, { perturb: { readyOrder: 1 as never } })).toThrow(TypeError)
    expect(() => explore(() => {}, { perturb: 'x' as never })).toThrow(TypeError)
  })

  it('refuses to run inside a greenlet', async () => {
    const g = spawn(() => explore(() => {}))
    await expect(g.get()).rejects.toMatchObject({ code: 'ERR_RUN_IN_GREENLET' })
  })
})

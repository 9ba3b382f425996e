import { once } from 'node:events'
import { connect, createServer, type Server, type Socket } from 'node:net'
import { getHub, joinAll, LoopExit, sleep, spawn, Timeout, withTimeout } from '@strand/core'
import { Lock } from '@strand/lock'
import { Queue } from '@strand/queue'
import { describe, expect, it } from 'vitest'
import { RealIOError, withVirtualTime } from '../src/index.js'

/** Node's handle kinds that grew since `before` (immediates come and go with the runner's own work). */
function grownSince(before: string[]): string[] {
  const left = [...before]
  const grown: string[] = []
  for (const kind of process.getActiveResourcesInfo()) {
    if (kind === 'Immediate' || kind === 'CloseReq') continue
    const i = left.indexOf(kind)
    if (i >= 0) left.splice(i, 1)
    else grown.push(kind)
  }
  return grown
}

describe('withVirtualTime()', () => {
  it('runs a simulated hour of sleeps in well under a second', async () => {
    const started = performance.now()
    const ticks = await withVirtualTime(async (clock) => {
      let n = 0
      const ticker = spawn(async () => {
        while (clock.now() < 3600) {
          await sleep(1)
          n++
        }
      })
      await ticker.join()
      return [n, clock.now()]
    })
    expect(ticks).toEqual([3600, 3600])
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('resolves with what fn returns and puts the thread hub back', async () => {
    const hub = getHub()
    const seen = await withVirtualTime(async () => {
      expect(getHub()).not.toBe(hub)
      await sleep(5)
      return 'done'
    })
    expect(seen).toBe('done')
    expect(getHub()).toBe(hub)
  })

  it('rejects with what fn throws and puts the thread hub back', async () => {
    const hub = getHub()
    await expect(
      withVirtualTime(async () => {
        await sleep(1)
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(getHub()).toBe(hub)
  })

  it('fires Timeouts and timeout options at their virtual deadlines', async () => {
    const seen = await withVirtualTime(async (clock) => {
      const late = await withTimeout(5, () => sleep(10), { timeoutValue: 'late' })
      const at = clock.now()
      const q = new Queue<number>()
      const empty = await q.get({ timeout: 2 }).catch((e: Error) => e.name)
      const t = Timeout.startNew(1)
      const caught = await sleep(60).catch((e: unknown) => e === t)
      return [late, at, empty, clock.now(), caught]
    })
    expect(seen).toEqual(['late', 5, 'Empty', 8, true])
  })

  it('fails with the error of a greenlet nobody retrieved', async () => {
    await expect(
      withVirtualTime(async () => {
        spawn(async () => {
          await sleep(1)
          throw new Error('nobody listens')
        })
        await sleep(2)
        return 'main is fine'
      }),
    ).rejects.toThrow('nobody listens')
  })

  it('kills the greenlets still alive when fn returns, running their finally blocks', async () => {
    const log: string[] = []
    let left: ReturnType<typeof spawn> | undefined
    await withVirtualTime(() => {
      left = spawn(async () => {
        try {
          await sleep(3600)
        } finally {
          await sleep(1) // clean-up may still wait a little
          log.push('cleaned up')
        }
      })
    })
    expect(left?.dead).toBe(true)
    expect(log).toEqual(['cleaned up'])
  })

  it('ends a lock-order deadlock with LoopExit and its report instead of hanging', async () => {
    const err = await withVirtualTime(async () => {
      const a = new Lock({ name: 'A' })
      const b = new Lock({ name: 'B' })
      const take = (first: Lock, second: Lock) => async () => {
        await first.acquire()
        await sleep(0.01)
        await second.acquire()
      }
      const w1 = spawn(take(a, b))
      w1.name = 'worker-1'
      const w2 = spawn(take(b, a))
      w2.name = 'worker-2'
      await joinAll([w1, w2])
    }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(LoopExit)
    expect((err as LoopExit).message).toBe(
      [
        'This operation would block forever (waiting on joinAll)',
        'Deadlock: nothing is ready to run, no timer is armed and no I/O is pending, so nothing can wake these greenlets:',
        '  main waits on joinAll(worker-1, worker-2)',
        '  worker-1 holds Lock "A", waits on Lock "B" held by worker-2',
        '  worker-2 holds Lock "B", waits on Lock "A" held by worker-1',
        'Cycle: worker-1 holds Lock "A", waits Lock "B"; worker-2 holds Lock "B", waits Lock "A"',
      ].join('\n'),
    )
  })

  it('ends a wait nobody can end (a Queue nobody puts to) with LoopExit', async () => {
    const err = await withVirtualTime(() => new Queue<number>().get()).catch((e: unknown) => e)
    expect((err as LoopExit).report).toBe(
      [
        'Deadlock: nothing is ready to run, no timer is armed and no I/O is pending, so nothing can wake this greenlet:',
        '  main waits on Queue.get (nobody holds it, and no greenlet left running could end the wait)',
      ].join('\n'),
    )
  })

  it('ends an await on a promise nobody settles with LoopExit', async () => {
    const err = await withVirtualTime(() => new Promise(() => {})).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(LoopExit)
    expect((err as LoopExit).message).toMatch(
      /^This operation would block forever \(waiting on a promise Strand does not control\)/,
    )
  })

  it('waits for a short real timer before calling it a deadlock', async () => {
    const value = await withVirtualTime(
      () => new Promise((resolve) => setTimeout(() => resolve('settled'), 5)),
    )
    expect(value).toBe('settled')
  })

  describe('with autojump: false', () => {
    it('moves time only by advance(), firing what falls due in order', async () => {
      const log = await withVirtualTime(
        async (clock) => {
          const seen: string[] = []
          spawn(async () => {
            await sleep(10)
            seen.push(`woke at ${clock.now()}`)
          })
          await clock.advance(9)
          seen.push(`at ${clock.now()}`)
          await clock.advance(1)
          seen.push(`at ${clock.now()}`)
          return seen
        },
        { autojump: false },
      )
      expect(log).toEqual(['at 9', 'woke at 10', 'at 10'])
    })

    it('reports a program waiting on a clock nobody advances', async () => {
      const err = await withVirtualTime(() => sleep(1), { autojump: false }).catch(
        (e: unknown) => e,
      )
      expect((err as LoopExit).message).toContain(
        'Deadlock: the clock stands still (autojump: false; 1 timer(s) armed, nobody calls clock.advance())',
      )
    })
  })

  describe('real I/O', () => {
    it('fails with RealIOError instead of hanging on a socket that never answers', async () => {
      const server: Server = createServer(() => {}) // accepts, never writes
      server.listen(0, '127.0.0.1')
      await once(server, 'listening')
      const { port } = server.address() as { port: number }
      const before = process.getActiveResourcesInfo()
      let socket: Socket | undefined
      try {
        const err = await withVirtualTime(async () => {
          socket = connect(port, '127.0.0.1')
          // a 5 s Timeout on virtual time would fire at once, before any byte could come
          await withTimeout(5, () => once(socket as Socket, 'data'))
        }).catch((e: unknown) => e)
        expect(err).toBeInstanceOf(RealIOError)
        expect((err as RealIOError).resources).toContain('TCPSocketWrap')
        expect((err as RealIOError).message).toMatch(
          /^The program waits on real I\/O \(.*TCPSocketWrap.*\) under virtual time/,
        )
      } finally {
        socket?.destroy()
        server.close()
        await once(server, 'close')
      }
      await sleep(0.01)
      expect(grownSince(before)).toEqual([])
    })
  })

  it('leaves no timer or handle behind', async () => {
    const before = process.getActiveResourcesInfo()
    await withVirtualTime(async () => {
      await joinAll([spawn(() => sleep(100)), spawn(() => sleep(200))])
      Timeout.startNew(50) // never cancelled: it dies with the run
    })
    await new Promise((resolve) => setImmediate(resolve))
    expect(grownSince(before)).toEqual([])
  })

  it('validates its arguments synchronously', () => {
    expect(() => withVirtualTime(42 as never)).toThrow(
      'Expected `fn` to be a function, got `42` (number)',
    )
    expect(() => withVirtualTime(() => {}, { autojump: 'yes' as never })).toThrow(TypeError)
    expect(() => withVirtualTime(() => {}, 3 as never)).toThrow(TypeError)
  })

  it('refuses to run inside a greenlet', async () => {
    const g = spawn(() => withVirtualTime(() => {}))
    await expect(g.get()).rejects.toMatchObject({ code: 'ERR_RUN_IN_GREENLET' })
  })
})

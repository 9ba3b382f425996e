import { getHub, joinAll, type LoopExit, sleep, spawn } from '@strand/core'
import { Event } from '@strand/event'
import { Lock, Semaphore } from '@strand/lock'
import { describe, expect, it } from 'vitest'
import { deadlockReport, explainDeadlocks, withVirtualTime } from '../src/index.js'

const HEAD = 'Deadlock: nothing is ready to run, no timer is armed and no I/O is pending'

describe('deadlockReport()', () => {
  it('names who holds what, who waits on what, and the cycle', async () => {
    const report = await withVirtualTime(async () => {
      const a = new Lock({ name: 'A' })
      const b = new Lock({ name: 'B' })
      const take = (first: Lock, second: Lock) => async () => {
        await first.acquire()
        await sleep(0.01)
        await second.acquire()
      }
      spawn(take(a, b)).name = 'worker-1'
      spawn(take(b, a)).name = 'worker-2'
      await sleep(1)
      const seen = deadlockReport()
      for (const g of getHub().liveGreenlets()) void g.kill()
      return seen
    })
    expect(report.blocked).toEqual([
      { name: 'worker-1', waitsOn: ['Lock "B"'], heldBy: ['worker-2'], holds: ['Lock "A"'] },
      { name: 'worker-2', waitsOn: ['Lock "A"'], heldBy: ['worker-1'], holds: ['Lock "B"'] },
    ])
    expect(report.cycles).toEqual([['worker-1', 'worker-2']])
    expect(report.text).toBe(
      [
        `${HEAD}, so nothing can wake these greenlets:`,
        '  worker-1 holds Lock "A", waits on Lock "B" held by worker-2',
        '  worker-2 holds Lock "B", waits on Lock "A" held by worker-1',
        'Cycle: worker-1 holds Lock "A", waits Lock "B"; worker-2 holds Lock "B", waits Lock "A"',
      ].join('\n'),
    )
  })

  it('says when the holder died without releasing', async () => {
    const err = await withVirtualTime(async () => {
      const db = new Lock({ name: 'db' })
      const owner = spawn(() => db.acquire()) // returns holding it
      owner.name = 'owner'
      await owner.join()
      await db.acquire()
    }).catch((e: unknown) => e)
    expect((err as LoopExit).report).toBe(
      [
        `${HEAD}, so nothing can wake this greenlet:`,
        '  main waits on Lock "db" held by owner (dead, never released it)',
      ].join('\n'),
    )
  })

  it('lists every holder of an exhausted semaphore', async () => {
    const err = await withVirtualTime(async () => {
      const pool = new Semaphore(2, { name: 'pool' })
      const never = new Event()
      const hog = (name: string) => {
        spawn(async () => {
          await pool.acquire()
          await never.wait()
        }).name = name
      }
      hog('a')
      hog('b')
      await sleep(0)
      await pool.acquire()
    }).catch((e: unknown) => e)
    expect((err as LoopExit).report).toBe(
      [
        `${HEAD}, so nothing can wake these greenlets:`,
        '  main waits on Semaphore "pool" held by a, b',
        '  a holds Semaphore "pool", waits on Event.wait (nobody holds it, and no greenlet left running could end the wait)',
        '  b holds Semaphore "pool", waits on Event.wait (nobody holds it, and no greenlet left running could end the wait)',
      ].join('\n'),
    )
  })

  it('names a greenlet that waits on a lock it holds itself', async () => {
    const err = await withVirtualTime(async () => {
      const x = new Lock({ name: 'x' })
      await x.acquire()
      await x.acquire() // a Lock is not re-entrant
    }).catch((e: unknown) => e)
    expect((err as LoopExit).report?.split('\n').slice(1)).toEqual([
      '  main holds Lock "x", waits on Lock "x" held by main',
      'Cycle: main holds Lock "x", waits Lock "x"',
    ])
  })

  it('follows joins into a cycle of greenlets waiting for each other', async () => {
    const err = await withVirtualTime(async () => {
      const gs: ReturnType<typeof spawn>[] = []
      gs.push(spawn(async () => void (await gs[1]?.join())))
      gs.push(spawn(async () => void (await gs[0]?.join())))
      gs[0]!.name = 'a'
      gs[1]!.name = 'b'
      await joinAll(gs)
    }).catch((e: unknown) => e)
    expect((err as LoopExit).report?.split('\n').slice(1)).toEqual([
      '  main waits on joinAll(a, b)',
      '  a waits on join(b)',
      '  b waits on join(a)',
      'Cycle: a waits join(b); b waits join(a)',
    ])
  })

  it('says what it can when nothing Strand knows is waited on', async () => {
    const err = await withVirtualTime(() => new Promise(() => {})).catch((e: unknown) => e)
    expect((err as LoopExit).report).toBe(
      `${HEAD}.\nmain awaits a promise Strand cannot see: if a real setTimeout or an outside event settles it, virtual time cannot wait for it (use sleep(), or run on the real clock)`,
    )
  })
})

describe('explainDeadlocks()', () => {
  it("plugs the report into the hub's LoopExit, and takes it out again", () => {
    const hub = getHub()
    const undo = explainDeadlocks()
    expect(hub.explainLoopExit?.()).toBe(`${HEAD}.`)
    undo()
    expect(hub.explainLoopExit).toBeNull()
  })
})

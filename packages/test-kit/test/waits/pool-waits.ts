import { Greenlet, getCurrent, joinAll } from '@strand/core'
import { observeDeath } from '@strand/core/internal'
import { Event } from '@strand/event'
import { Group, Pool, PoolFull } from '@strand/pool'
import { expect } from 'vitest'
import { type Blocked, type BlockingWait, forever } from './contract.js'

const opts = (timeout: number | undefined) => (timeout === undefined ? undefined : { timeout })

/** A Pool(1) whose one slot a member holds; the wake discards that member, freeing the slot. */
function fullPool(): { pool: Pool; free: () => void; close: () => Promise<void> } {
  const pool = new Pool(1)
  const member = new Greenlet(forever)
  void pool.start(member) // a slot is free: taken and started at once
  if (!pool.full()) throw new Error('expected the member to fill the pool')
  return {
    pool,
    free: () => pool.discard(member),
    close: async () => {
      await member.kill()
      await pool.kill()
    },
  }
}

/**
 * The consumer of an imap over one item: `next()` waits for the task, which waits for the
 * wake. For a kill in the same turn, the task kills the consumer just before it returns
 * its result, or (registered after the imap's own observer) just after the imap handed
 * that result on.
 */
function imapConsumer(unordered: boolean): () => Blocked {
  return () => {
    const pool = new Pool(2)
    const gate = new Event()
    let hook: { kill: () => void; killFirst: boolean } | null = null
    const task = async (x: number): Promise<number> => {
      await gate.wait()
      if (hook?.killFirst) hook.kill()
      else if (hook !== null) observeDeath(getCurrent(), { notify: hook.kill })
      return x
    }
    const run = unordered ? pool.imapUnordered(task, [1]) : pool.imap(task, [1])
    return {
      label: unordered ? 'Pool.imapUnordered' : 'Pool.imap',
      wait: () => run.next(),
      wake: () => gate.set(),
      wakeAndKill: (kill, killFirst) => {
        hook = { kill, killFirst }
        gate.set()
      },
      granted: (v) => (v as IteratorResult<number>).value === 1,
      check: async () => {
        // the run is over (a consumer killed at next() ends it): no task left, every slot free
        expect(pool.size).toBe(0)
        expect(pool.freeCount()).toBe(2)
        expect(await run.next()).toEqual({ done: true, value: undefined })
      },
      close: async () => {
        await pool.kill()
      },
    }
  }
}

export const POOL_WAITS: BlockingWait[] = [
  {
    name: 'Pool.spawn',
    make: () => {
      const { pool, free, close } = fullPool()
      const tasks: Greenlet[] = []
      let ran = 0
      return {
        label: 'Pool.spawn',
        wait: () =>
          pool.spawn(async () => {
            ran++
            await forever() // holds its slot until the waiter that spawned it lets go
          }),
        wake: free,
        granted: (v) => v instanceof Greenlet && pool.has(v),
        giveBack: (g) => {
          tasks.push(g as Greenlet)
          void (g as Greenlet).kill()
        },
        check: async (kept) => {
          await joinAll(tasks)
          expect(ran).toBe(kept) // a cancelled spawn never runs its function
          expect(pool.size).toBe(0)
          expect(pool.freeCount()).toBe(1)
        },
        close,
      }
    },
  },
  {
    name: 'Pool.add',
    ownTimeout: { rejects: PoolFull },
    make: () => {
      const { pool, free, close } = fullPool()
      const added: Greenlet[] = []
      return {
        label: 'Pool.add',
        wait: (timeout) => {
          const g = new Greenlet(() => 'added')
          return pool.add(g, opts(timeout)).then(() => g)
        },
        wake: free,
        granted: (v) => v instanceof Greenlet && pool.has(v),
        giveBack: (g) => added.push(g as Greenlet),
        check: (kept) => {
          expect(added).toHaveLength(kept)
          expect(pool.size).toBe(kept) // each add that resolved holds one slot, no more
          expect(pool.freeCount()).toBe(1 - kept)
        },
        close,
      }
    },
  },
  {
    name: 'Pool.waitAvailable',
    ownTimeout: { resolves: 0 },
    broadcast: true,
    make: () => {
      const { pool, free, close } = fullPool()
      return {
        label: 'Pool.waitAvailable',
        wait: (timeout) => pool.waitAvailable(opts(timeout)),
        wake: free,
        granted: (v) => v === 1,
        check: () => expect(pool.freeCount()).toBe(1), // waiting for a slot takes none
        close,
      }
    },
  },
  {
    name: 'Group.join',
    ownTimeout: { resolves: false },
    broadcast: true,
    make: () => {
      const group = new Group()
      const member = new Greenlet(forever)
      group.start(member)
      return {
        label: 'Group.join',
        wait: (timeout) => group.join(opts(timeout)),
        wake: () => group.discard(member),
        granted: (v) => v === true,
        check: () => expect(group.size).toBe(0),
        close: async () => {
          await member.kill()
        },
      }
    },
  },
  { name: 'Pool.imap next()', single: true, make: imapConsumer(false) },
  { name: 'Pool.imapUnordered next()', single: true, make: imapConsumer(true) },
]

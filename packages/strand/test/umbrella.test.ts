import { readFileSync } from 'node:fs'
import * as core from '@strand/core'
import * as event from '@strand/event'
import * as lock from '@strand/lock'
import * as pool from '@strand/pool'
import * as queue from '@strand/queue'
import { describe, expect, it } from 'vitest'
import * as strand from '../src/index.js'

describe('strand', () => {
  it('re-exports every runtime export of every package, as the same object', () => {
    const packages = { core, event, lock, pool, queue }
    for (const [name, mod] of Object.entries(packages)) {
      for (const [key, value] of Object.entries(mod)) {
        expect(strand, `${key} from @strand/${name}`).toHaveProperty(key)
        expect((strand as Record<string, unknown>)[key], key).toBe(value)
      }
    }
  })

  it('names every runtime export in its README, under the package it comes from', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const rows = new Map(
      [...readme.matchAll(/^\| \[`(@strand\/\w+)`\][^|]*\|(.*)\|$/gm)].map((m) => [m[1]!, m[2]!]),
    )
    const packages = { core, event, lock, pool, queue }
    for (const [name, mod] of Object.entries(packages)) {
      const row = rows.get(`@strand/${name}`)
      expect(row, `a row for @strand/${name} in README.md`).toBeDefined()
      for (const [key, value] of Object.entries(mod)) {
        // a package's convenience re-export of core (pool's Timeout) sits in core's row
        if (name !== 'core' && (core as Record<string, unknown>)[key] === value) continue
        expect(row, `${key} in the @strand/${name} row`).toContain(`\`${key}\``)
      }
    }
  })

  it('offers the names of the API contract', () => {
    const names = [
      'spawn',
      'spawnLater',
      'sleep',
      'idle',
      'joinAll',
      'killAll',
      'wait',
      'iwait',
      'getCurrent',
      'getHub',
      'signalHandler',
      'shutdown',
      'Greenlet',
      'RawGreenlet',
      'Timeout',
      'withTimeout',
      'GreenletExit',
      'LoopExit',
      'Event',
      'AsyncResult',
      'Semaphore',
      'BoundedSemaphore',
      'Lock',
      'RLock',
      'Queue',
      'LifoQueue',
      'PriorityQueue',
      'JoinableQueue',
      'Channel',
      'Empty',
      'Full',
      'ShutDown',
      'Group',
      'Pool',
    ]
    for (const name of names)
      expect(typeof (strand as Record<string, unknown>)[name], name).toBe('function')
  })

  it('runs a small program end to end', async () => {
    const { Pool, Queue, Event, spawn, joinAll } = strand
    const q = new Queue<number>({ maxsize: 2 })
    const done = new Event()
    const squares: number[] = []
    const consumer = spawn(async () => {
      for await (const n of q) squares.push(n * n)
      done.set()
    })
    const p = new Pool(2)
    await p.map(async (n: number) => q.put(n), [1, 2, 3, 4])
    q.shutdown()
    await joinAll([consumer])
    expect(await done.wait({ timeout: 1 })).toBe(true)
    expect(squares).toEqual([1, 4, 9, 16])
  })
})

describe('strand/monkey', () => {
  it('re-exports every runtime export of @strand/monkey, as the same object', async () => {
    const monkey = await import('@strand/monkey')
    const sub = (await import('../src/monkey.js')) as Record<string, unknown>
    for (const [key, value] of Object.entries(monkey)) expect(sub[key], key).toBe(value)
    expect(typeof sub.patchAll).toBe('function')
  })

  it('is not part of the main import (patching is a side effect you opt into)', () => {
    expect(strand).not.toHaveProperty('patchAll')
  })
})

describe('strand/testing', () => {
  it('re-exports every runtime export of @strand/testing, as the same object', async () => {
    const testing = await import('@strand/testing')
    const sub = await import('../src/testing.js')
    expect(Object.keys(sub).sort()).toEqual(Object.keys(testing).sort())
    for (const [key, value] of Object.entries(testing)) {
      expect((sub as Record<string, unknown>)[key], key).toBe(value)
    }
  })

  it('runs a program on virtual time with the umbrella’s own primitives', async () => {
    const { withVirtualTime } = await import('../src/testing.js')
    const took = await withVirtualTime(async (clock) => {
      await strand.joinAll([
        strand.spawn(() => strand.sleep(60)),
        strand.spawn(() => strand.sleep(30)),
      ])
      return clock.now()
    })
    expect(took).toBe(60)
  })
})

import { sleep, spawn } from '@strand/core'
import { Lock } from '@strand/lock'
import { describe, expect, it } from 'vitest'
import { runInfo, withVirtualTime } from '../src/index.js'

describe('runInfo()', () => {
  it('draws who spawned whom, with what each waits on and holds', async () => {
    const tree = await withVirtualTime(async () => {
      const db = new Lock({ name: 'db' })
      const owner = spawn(async () => {
        await db.acquire()
        spawn(() => db.acquire()).name = 'helper'
        spawn(() => sleep(5)).name = 'timer'
        await sleep(60)
        db.release()
      })
      owner.name = 'owner'
      spawn(() => new Promise(() => {})).name = 'outsider'
      await sleep(1)
      spawn(() => {}).name = 'fresh' // not started yet
      const seen = runInfo()
      await owner.kill()
      return seen
    })
    expect(tree).toBe(
      [
        'main running',
        '├─ owner holds Lock "db", waiting on sleep, due in 59 s',
        '│  ├─ helper waiting on Lock "db" held by owner',
        '│  └─ timer waiting on sleep, due in 4 s',
        '├─ outsider awaiting a promise Strand does not see',
        '└─ fresh scheduled',
      ].join('\n'),
    )
  })

  it('hangs a greenlet whose parent ended under the nearest live ancestor', async () => {
    const tree = await withVirtualTime(async () => {
      const parent = spawn(() => {
        spawn(() => sleep(10)).name = 'orphan'
      })
      parent.name = 'parent'
      await parent.join()
      return runInfo()
    })
    expect(tree).toBe(['main running', '└─ orphan waiting on sleep, due in 10 s'].join('\n'))
  })

  // gevent's GreenletTree test spawns t3 → t2 → t1 and expects the nesting
  it('nests greenlets as deep as they spawned each other', async () => {
    const tree = await withVirtualTime(async () => {
      const spawnNamed = (name: string, fn: () => unknown) => {
        const g = spawn(fn)
        g.name = name
        return g
      }
      spawnNamed('t3', () => spawnNamed('t2', () => spawnNamed('t1', () => sleep(5)).join()).join())
      await sleep(1)
      return runInfo()
    })
    expect(tree).toBe(
      [
        'main running',
        '└─ t3 waiting on join(t2)',
        '   └─ t2 waiting on join(t1)',
        '      └─ t1 waiting on sleep, due in 4 s',
      ].join('\n'),
    )
  })

  // gevent without track_greenlet_tree: no parents known
  it("hangs every greenlet under main on the thread's own hub, where no parents are recorded", async () => {
    const outer = spawn(() => {
      spawn(() => sleep(0.05)).name = 'inner'
      return sleep(0.05)
    })
    outer.name = 'outer'
    await sleep(0.01)
    // the real clock: how long is left varies
    expect(runInfo().replace(/due in [\d.]+ s/g, 'due in … s')).toBe(
      [
        'main running',
        '├─ outer waiting on sleep, due in … s',
        '└─ inner waiting on sleep, due in … s',
      ].join('\n'),
    )
    await outer.kill()
  })

  it("shows main's own wait", async () => {
    const tree = await withVirtualTime(async () => {
      const g = spawn(() => runInfo())
      g.name = 'looker'
      return g.get()
    })
    expect(tree).toBe(['main waiting on get(looker)', '└─ looker running'].join('\n'))
  })
})

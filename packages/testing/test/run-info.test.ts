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

  it("shows main's own wait", async () => {
    const tree = await withVirtualTime(async () => {
      const g = spawn(() => runInfo())
      g.name = 'looker'
      return g.get()
    })
    expect(tree).toBe(['main waiting on get(looker)', '└─ looker running'].join('\n'))
  })
})

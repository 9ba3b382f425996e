import { inspect } from 'node:util'
import { sleep } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { Group, Pool } from '../src/index.js'

describe('util.inspect', () => {
  it('shows a Group and a Pool by what runs and what is free', async () => {
    const pool = new Pool(4)
    await pool.spawn(() => sleep(10))
    expect(inspect(pool)).toBe('Pool(size 4, 1 running, 3 free)')
    const group = new Group()
    group.spawn(() => sleep(10))
    expect(inspect(group)).toBe('Group(1 running)')
    await pool.kill()
    await group.kill()
  })
})

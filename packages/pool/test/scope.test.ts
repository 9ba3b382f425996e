import { getHub, sleep, Timeout, withTimeout } from '@strand/core'
import { describe, expect, it } from 'vitest'
import { Group } from '../src/index.js'
import { captureReports } from './helpers.js'

const reported = captureReports()

describe('Group', () => {
  describe('scope()', () => {
    it('waits for every child and returns the body value', async () => {
      const done: number[] = []
      const value = await Group.scope(async (group) => {
        group.spawn(async () => {
          await sleep(0.02)
          done.push(1)
        })
        group.spawn(async () => {
          await sleep(0.01)
          done.push(2)
        })
        return 'body'
      })
      expect(value).toBe('body')
      expect(done).toEqual([2, 1])
    })

    it('kills the siblings, interrupts the body and throws when a child fails', async () => {
      let siblingKilled = false
      let bodyReachedEnd = false
      const err = await Group.scope(async (group) => {
        group.spawn(async () => {
          try {
            await sleep(10)
          } finally {
            siblingKilled = true
          }
        })
        group.spawn(async () => {
          await sleep(0.01)
          throw new TypeError('child failed')
        })
        await sleep(10)
        bodyReachedEnd = true
      }).catch((e) => e)
      expect(err).toBeInstanceOf(TypeError)
      expect(siblingKilled).toBe(true)
      expect(bodyReachedEnd).toBe(false)
      await sleep(0)
      expect(reported).toEqual([]) // the failure was raised, not reported
    })

    it('throws an AggregateError when several children fail', async () => {
      const err = await Group.scope(async (group) => {
        group.spawn(async () => {
          await sleep(0.01)
          throw new Error('a')
        })
        group.spawn(async () => {
          try {
            await sleep(10)
          } catch {
            throw new Error('b') // fails again while being cancelled
          }
        })
      }).catch((e) => e)
      expect(err).toBeInstanceOf(AggregateError)
      expect((err as AggregateError).errors.map((e: Error) => e.message)).toEqual(['a', 'b'])
    })

    it('kills the children when the body throws', async () => {
      let killed = false
      const err = await Group.scope(async (group) => {
        group.spawn(async () => {
          try {
            await sleep(10)
          } finally {
            killed = true
          }
        })
        await sleep(0)
        throw new RangeError('body failed')
      }).catch((e) => e)
      expect(err).toBeInstanceOf(RangeError)
      expect(killed).toBe(true)
    })

    it('kills the children when a Timeout interrupts the wait for them', async () => {
      let child: { dead: boolean } | undefined
      const result = await withTimeout(
        0.02,
        () =>
          Group.scope((group) => {
            child = group.spawn(() => sleep(10))
          }),
        { timeoutValue: 'late' },
      )
      expect(result).toBe('late')
      expect(child?.dead).toBe(true)
    })

    it('leaves no interrupt behind when the body ends before its cancellation lands', async () => {
      await Group.scope((group) => {
        group.spawn(() => {
          throw new Error('early')
        })
      }).catch(() => {})
      const t = Timeout.startNew(1)
      await sleep(0.001) // would reject if a cancellation were still pending
      t.cancel()
      expect(getHub().stats().live).toBe(0)
    })

    it('rejects a non-function body', () => {
      expect(() => Group.scope(5 as never)).toThrow(/`body`/)
    })
  })
})

describe('ScopeCancelled', () => {
  it('is what the body sees at its wait when a task fails, and is exported', async () => {
    const { ScopeCancelled } = await import('../src/index.js')
    let seen: unknown
    const failure = Group.scope(async (group) => {
      group.spawn(() => {
        throw new Error('boom')
      })
      try {
        await sleep(10)
      } catch (err) {
        seen = err
        throw err
      }
    })
    await expect(failure).rejects.toThrow('boom')
    expect(seen).toBeInstanceOf(ScopeCancelled)
  })
})

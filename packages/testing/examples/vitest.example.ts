// examples/vitest.example.ts
// @strand/testing under vitest (the README's example; test/readme.test.ts runs it)
import { joinAll, sleep, spawn, Timeout } from '@strand/core'
import { Lock } from '@strand/lock'
import { explore, RaceFound, withVirtualTime } from '@strand/testing'
import { describe, expect, it } from 'vitest'

describe('a retrying client', () => {
  it('gives up after three attempts of 10 s each: 30 s, in no time', async () => {
    const took = await withVirtualTime(async (clock) => {
      let attempts = 0
      for (let i = 0; i < 3; i++) {
        attempts++
        const t = Timeout.startNew(10)
        try {
          await sleep(60) // the server never answers
        } catch (err) {
          if (err !== t) throw err
        }
      }
      return [attempts, clock.now()]
    })
    expect(took).toEqual([3, 30])
  })
})

describe('the account service', () => {
  async function twoDeposits(): Promise<void> {
    let balance = 0
    const lock = new Lock({ name: 'balance' })
    const deposit = () =>
      lock.run(async () => {
        const seen = balance
        await sleep(0.005)
        balance = seen + 1
      })
    await joinAll([spawn(deposit), spawn(deposit)])
    expect(balance).toBe(2)
  }

  it('never loses a deposit, whatever the latency', async () => {
    const report = await explore(twoDeposits, { runs: 500, seed: 7 })
    expect(report.runs).toBe(500)
  })

  it('shows the schedule that loses one without the lock', async () => {
    let balance = 0
    const race = await explore(async () => {
      balance = 0
      const deposit = async () => {
        const seen = balance
        await sleep(0.005)
        balance = seen + 1
      }
      await joinAll([spawn(deposit), spawn(deposit)])
      expect(balance).toBe(2)
    }).catch((err: unknown) => err)
    expect(race).toBeInstanceOf(RaceFound)
  })
})

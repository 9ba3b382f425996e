// examples/lost-update.ts
// A lost update: two deposits each read the balance, wait for the database, and write
// back what they read plus their amount. When the waits overlap, one deposit is lost.
import assert from 'node:assert/strict'
import { joinAll, sleep, spawn } from '@strand/core'
import { Lock } from '@strand/lock'

export async function lostUpdate(): Promise<void> {
  let balance = 100
  const deposit = async (amount: number) => {
    const seen = balance // read
    await sleep(0.005) // the database round trip (5 ms, give or take)
    balance = seen + amount // write back: overwrites a deposit made meanwhile
  }
  const first = spawn(deposit, 10)
  await sleep(0.008) // the second request comes 8 ms later: on a quiet day, after the first
  await joinAll([first, spawn(deposit, 20)])
  assert.equal(balance, 130)
}

/** The same two deposits, each holding a lock from its read to its write. */
export async function lostUpdateFixed(): Promise<void> {
  let balance = 100
  const lock = new Lock({ name: 'balance' })
  const deposit = (amount: number) =>
    lock.run(async () => {
      const seen = balance
      await sleep(0.005)
      balance = seen + amount
    })
  const first = spawn(deposit, 10)
  await sleep(0.008)
  await joinAll([first, spawn(deposit, 20)])
  assert.equal(balance, 130)
}

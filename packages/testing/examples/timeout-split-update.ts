// examples/timeout-split-update.ts
// A Timeout fires between the two halves of a two-step update: the money has left
// checking, and never reaches savings.
import assert from 'node:assert/strict'
import { sleep, Timeout, withTimeout } from '@strand/core'

export async function timeoutSplitUpdate(): Promise<void> {
  const accounts = { checking: 100, savings: 0 }
  const move = async (amount: number) => {
    accounts.checking -= amount // first half
    await sleep(0.004) // write the audit log
    accounts.savings += amount // second half: skipped if the Timeout fires above
  }
  try {
    await withTimeout(0.01, () => move(30))
  } catch (err) {
    if (!(err instanceof Timeout)) throw err // a slow transfer is retried later
  }
  assert.equal(accounts.checking + accounts.savings, 100, 'money vanished')
}

/** Wait first, then make both changes in one turn: nothing can interrupt between them. */
export async function timeoutSplitUpdateFixed(): Promise<void> {
  const accounts = { checking: 100, savings: 0 }
  const move = async (amount: number) => {
    await sleep(0.004) // write the audit log first
    accounts.checking -= amount
    accounts.savings += amount
  }
  try {
    await withTimeout(0.01, () => move(30))
  } catch (err) {
    if (!(err instanceof Timeout)) throw err
  }
  assert.equal(accounts.checking + accounts.savings, 100, 'money vanished')
}

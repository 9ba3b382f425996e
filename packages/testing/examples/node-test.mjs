// examples/node-test.mjs
// @strand/testing under node:test: `node --test examples/node-test.mjs`
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { joinAll, sleep, spawn } from '@strand/core'
import { explore, RaceFound, withVirtualTime } from '@strand/testing'

test('an hour of sleeps takes no time on virtual time', async () => {
  const now = await withVirtualTime(async (clock) => {
    await joinAll([spawn(() => sleep(3600)), spawn(() => sleep(1800))])
    return clock.now()
  })
  assert.equal(now, 3600)
})

// read, await, write back: two deposits that overlap lose one
async function deposits() {
  let balance = 0
  const deposit = async () => {
    const seen = balance
    await sleep(0.005)
    balance = seen + 1
  }
  const first = spawn(deposit)
  await sleep(0.008)
  await joinAll([first, spawn(deposit)])
  assert.equal(balance, 2)
}

test('explore finds the lost update, and its seed replays it', async () => {
  const race = await explore(deposits, { runs: 200, seed: 1 }).catch((err) => err)
  assert.ok(race instanceof RaceFound)
  const again = await explore(deposits, { replay: race.seed }).catch((err) => err)
  assert.deepEqual(again.trace, race.trace)
})

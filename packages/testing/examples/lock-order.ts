// examples/lock-order.ts
// Two locks taken in opposite orders: a transfer takes "accounts" then "audit", a report
// takes "audit" then "accounts". If they overlap, each holds what the other waits for.
import { joinAll, sleep, spawn } from '@strand/core'
import { Lock } from '@strand/lock'

async function work(first: Lock, second: Lock): Promise<void> {
  await first.acquire()
  try {
    await sleep(0.003) // read under the first lock
    await second.acquire()
    try {
      await sleep(0.001)
    } finally {
      second.release()
    }
  } finally {
    first.release()
  }
}

export async function lockOrder(): Promise<void> {
  const accounts = new Lock({ name: 'accounts' })
  const audit = new Lock({ name: 'audit' })
  const transfer = spawn(work, accounts, audit)
  transfer.name = 'transfer'
  await sleep(0.005) // the nightly report starts a little later
  const report = spawn(work, audit, accounts)
  report.name = 'report'
  await joinAll([transfer, report])
}

/** Both take the locks in the same order: no cycle is possible. */
export async function lockOrderFixed(): Promise<void> {
  const accounts = new Lock({ name: 'accounts' })
  const audit = new Lock({ name: 'audit' })
  const transfer = spawn(work, accounts, audit)
  transfer.name = 'transfer'
  await sleep(0.005)
  const report = spawn(work, accounts, audit)
  report.name = 'report'
  await joinAll([transfer, report])
}

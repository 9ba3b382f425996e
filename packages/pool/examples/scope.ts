import { sleep } from '@strand/core'
import { Group } from '@strand/pool'

async function loadUser(id: number): Promise<{ id: number; name: string }> {
  await sleep(0.01)
  return { id, name: 'Ada' }
}
async function loadOrders(id: number): Promise<string[]> {
  await sleep(0.02)
  return [`order ${id}-1`, `order ${id}-2`]
}

const [user, orders] = await Group.scope(async (group) => {
  const u = group.spawn(loadUser, 1)
  const o = group.spawn(loadOrders, 1)
  return [await u.get(), await o.get()] as const
})
console.log(user.name, orders) // => Ada [ 'order 1-1', 'order 1-2' ]

// a child fails: the others are killed, the body is interrupted, the error is thrown
async function ordersDown(): Promise<string[]> {
  await sleep(0.01)
  throw new Error('orders service down')
}
let userLoaded = false
await Group.scope(async (group) => {
  group.spawn(async () => {
    await sleep(1)
    userLoaded = true
  })
  group.spawn(ordersDown)
  await sleep(5)
}).catch((err) => console.log(err.message)) // => orders service down
console.log(userLoaded) // => false

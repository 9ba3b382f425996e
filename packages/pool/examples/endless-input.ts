import { Pool } from '@strand/pool'

async function* forever(): AsyncGenerator<number> {
  try {
    for (let i = 0; ; i++) yield i
  } finally {
    console.log('input closed')
  }
}
for await (const square of new Pool(4).imap(async (x: number) => x * x, forever())) {
  console.log(square)
  if (square > 10) break // stops pulling input, kills the tasks still running, waits for them
}
// => 0
// => 1
// => 4
// => 9
// => 16
// => input closed

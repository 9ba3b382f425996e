import { sleep } from '@strand/core'
import { Pool } from '@strand/pool'

// stands in for a download: the longer the name, the longer it takes
async function fetchPage(name: string): Promise<{ title: string }> {
  await sleep(name.length / 200)
  return { title: name.toUpperCase() }
}
function* pages(): Generator<string> {
  yield* ['introduction', 'api', 'changelog']
}

const pool = new Pool(10)
for await (const page of pool.imapUnordered(fetchPage, pages())) {
  console.log(page.title) // as each download finishes; never more than 10 at once
}
// => API
// => CHANGELOG
// => INTRODUCTION

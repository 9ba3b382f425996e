// examples/endless.ts — imap over an endless generator, stopped by the consumer.
import { ThreadPool } from '@strand/threadpool'

export async function main(log = console.log): Promise<void> {
  await using pool = new ThreadPool<typeof import('./tasks.js')>({
    filename: new URL('./tasks.js', import.meta.url),
    size: 2,
  })
  let closed = false
  function* seeds() {
    try {
      for (let i = 0; ; i++) yield `seed-${i}` // endless: pulled only as threads free up
    } finally {
      closed = true
    }
  }
  const found: string[] = []
  for await (const hex of pool.imap('digestOf', seeds())) {
    if (hex.startsWith('00')) found.push(hex)
    if (found.length === 2) break // stops the tasks still running, closes the generator
  }
  log(found) // the same two every run: imap keeps input order
  log(`generator closed: ${closed}`)
}

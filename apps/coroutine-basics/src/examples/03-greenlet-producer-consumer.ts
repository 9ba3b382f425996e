import { type Log, Random } from '@strand/demo-kit'
import { RawGreenlet, sleep } from 'strand'

export const title = 'greenlet producer/consumer with a one-slot queue and explicit switches'

/**
 * The producer puts a random char in a one-slot queue and switches to the consumer, which
 * takes it and switches back: each keeps its place between turns, no stack grows. The
 * document's 1 s pace is scaled to 0.5 s and its endless loop stops after 3 rounds.
 */
export async function main(log: Log = console.log): Promise<void> {
  const pace = 0.5
  const rounds = 3
  const random = new Random(10)
  const chars = ['a', 'b', 'c', 'd', 'e']
  // The document's Queue(1) from the standard library: one slot, never full here.
  const queue: string[] = []

  const producer: RawGreenlet = new RawGreenlet(async () => {
    for (let round = 1; round <= rounds; round++) {
      const char = random.choice(chars)
      queue.push(char)
      log(`Produced: ${char}`)
      await sleep(pace)
      await consumer.switch()
    }
  })
  const consumer: RawGreenlet = new RawGreenlet(async () => {
    while (true) {
      const char = queue.shift()
      log(`Consumed: ${char}`)
      await sleep(pace)
      await producer.switch()
    }
  })

  log(`(1 s pace scaled to ${pace} s; ${rounds} rounds instead of forever)`)
  await producer.switch()
  log(`producer done after ${rounds} rounds; the consumer stays parked where it switched away`)
}

import type { Log } from '@strand/demo-kit'
import { Pool, sleep } from 'strand'

export const title = 'Determinism: Pool(10).imapUnordered four times gives the same order'

/**
 * Same configuration, same input, same output: four runs of `imapUnordered(echo, 0..9)` on
 * a pool of 10 come back in the same order, because the hub wakes greenlets in a fixed
 * FIFO order. (Races appear only with outside services such as sockets or files.)
 */
export async function main(log: Log = console.log): Promise<void> {
  async function echo(i: number): Promise<number> {
    await sleep(0.001)
    return i
  }
  const p = new Pool(10)
  const runs: number[][] = []
  for (let run = 1; run <= 4; run++) {
    const results: number[] = []
    for await (const a of p.imapUnordered(
      echo,
      Array.from({ length: 10 }, (_, i) => i),
    )) {
      results.push(a)
    }
    runs.push(results)
    log(`run${run}: [${results.join(', ')}]`)
  }
  const same = runs.every((r) => r.join() === runs[0]?.join())
  log(same ? 'True' : 'False')
}

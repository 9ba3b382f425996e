import type { Log } from '@strand/demo-kit'
import { Pool, sleep } from 'strand'
import { explore, RaceFound } from 'strand/testing'

export const title = 'Determinism: Pool(10).imapUnordered four times gives the same order'

/**
 * Same configuration, same input, same output: four runs of `imapUnordered(echo, 0..9)` on
 * a pool of 10 come back in the same order, because the hub wakes greenlets in a fixed
 * FIFO order. (Races appear only with outside services such as sockets or files.)
 *
 * Then a variant that relies on that order coming back as the input order. With real
 * I/O the 1 ms would be 1 ms give or take, and the order would change: `explore` runs
 * the variant under seeded timer jitter, finds a run where it breaks, and replays it.
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

  const input = Array.from({ length: 10 }, (_, i) => i)
  const inInputOrder = async () => {
    const results: number[] = []
    for await (const a of new Pool(10).imapUnordered(echo, input)) results.push(a)
    if (results.join() !== input.join()) throw new Error(`[${results.join(', ')}]`)
  }
  const plain = await explore(inInputOrder, { runs: 100, perturb: false })
  log(`explore without perturbation: ${plain.runs} runs, ${plain.schedules} schedule`)
  const jitter = { timers: 0.001 } // each 1 ms sleep takes 1–2 ms
  const race = await explore(inInputOrder, { runs: 100, seed: 1, perturb: jitter }).catch(
    (err: unknown) => err,
  )
  if (!(race instanceof RaceFound)) throw new Error('explore found no reordering')
  log(`explore with 1 ms of jitter: run ${race.run} comes back as ${(race.cause as Error).message}`)
  let sameTrace = true
  for (let i = 0; i < 2; i++) {
    // one exploration at a time: each run owns the thread's hub
    const again = await explore(inInputOrder, { replay: race.seed, perturb: jitter }).catch(
      (err: unknown) => err,
    )
    if (!(again instanceof RaceFound) || again.trace.join() !== race.trace.join()) sameTrace = false
  }
  log(`replaying seed ${race.seed} twice gives the same trace: ${sameTrace ? 'True' : 'False'}`)
}

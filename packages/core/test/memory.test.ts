// What the runtime keeps alive: nothing of finished work once its result is handed over.
import { describe, expect, it } from 'vitest'
import { joinAll, sleep, spawn } from '../src/index.js'

const gc = (globalThis as { gc?: () => void }).gc

async function collected(count: () => number, expected: number): Promise<number> {
  for (let i = 0; i < 20 && count() < expected; i++) {
    gc?.()
    await new Promise((r) => setImmediate(r))
  }
  return count()
}

describe('memory', () => {
  it('lets go of a joined batch as soon as joinAll() has returned, before the caller waits again', async () => {
    expect(gc, 'run with --expose-gc').toBeTypeOf('function')
    let freed = 0
    const registry = new FinalizationRegistry(() => {
      freed++
    })
    const batch = async (): Promise<void> => {
      const gs = []
      for (let i = 0; i < 1000; i++) {
        const g = spawn(async () => {
          await sleep(0)
        })
        registry.register(g, i)
        gs.push(g)
      }
      await joinAll(gs)
    }
    await batch()
    // no Strand wait from here on: only plain turns of the event loop
    expect(await collected(() => freed, 1000)).toBe(1000)
  })
})

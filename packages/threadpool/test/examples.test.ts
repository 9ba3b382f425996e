import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { main as endless } from '../examples/endless.js'
import { main as quickStart } from '../examples/quick-start.js'
import { main as transfer } from '../examples/transfer.js'

const built = existsSync(new URL('../dist/worker.js', import.meta.url))

async function lines(main: (log: (line: unknown) => void) => Promise<void>): Promise<string[]> {
  const out: string[] = []
  await main((line) => out.push(typeof line === 'string' ? line : JSON.stringify(line)))
  return out
}

describe('README examples', () => {
  it('quick-start prints a digest, fibs, a stopped task and a rebuilt error', async () => {
    const out = await lines(quickStart)
    expect(out[0]).toMatch(/^[0-9a-f]{12}$/)
    expect(out.slice(1)).toEqual([
      '[55,6765,75025]',
      'fib(60): stopped',
      'other greenlets ran meanwhile',
      'QuotaError E_QUOTA: 4096 bytes is over the quota',
    ])
  })

  it('endless stops pulling once it has found what it wants', async () => {
    const [found, closed] = await lines(endless)
    expect(JSON.parse(found ?? '[]')).toHaveLength(2)
    expect(JSON.parse(found ?? '[]')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^00/)]),
    )
    expect(closed).toBe('generator closed: true')
  })

  it.skipIf(!built)('transfer moves the result and the argument', async () => {
    expect(await lines(transfer)).toEqual([
      '640 px wide, 1228800 bytes',
      '1024',
      'left here: 0 bytes',
    ])
  })
})

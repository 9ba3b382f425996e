import { describe, expect, it } from 'vitest'
import { main as killCleansUp } from '../examples/kill-cleans-up.js'
import { main as timeoutStopsFetch } from '../examples/timeout-stops-fetch.js'

async function lines(main: (log: (line: string) => void) => Promise<void>): Promise<string[]> {
  const out: string[] = []
  await main((line) => out.push(line))
  return out
}

describe('README examples', () => {
  it('timeout-stops-fetch prints what the README says', async () => {
    expect(await lines(timeoutStopsFetch)).toEqual([
      'timed out',
      'the server saw the connection closed',
    ])
  })

  it('kill-cleans-up prints what the README says', async () => {
    expect(await lines(killCleansUp)).toEqual(['interval stopped: true', 'child running: false'])
  })
})

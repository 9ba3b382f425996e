// The built package, as users run it: the dist, node:test, a real process at exit.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const here = fileURLToPath(new URL('.', import.meta.url))
const pkg = fileURLToPath(new URL('..', import.meta.url))
const dist = `${pkg}dist/index.js`
const built = existsSync(dist)
if (!built)
  console.warn(`Skipping the dist tests: ${dist} is missing; run \`npm run build\` first.`)

function node(args: string[]) {
  return spawnSync(process.execPath, args, { cwd: pkg, encoding: 'utf8', timeout: 60_000 })
}

describe.skipIf(!built)('the built @strand/testing', () => {
  it('exports the API with its class names intact', async () => {
    const api = await import(dist)
    expect(Object.keys(api).sort()).toEqual([
      'RaceFound',
      'RealIOError',
      'TooManySteps',
      'deadlockReport',
      'explainDeadlocks',
      'explore',
      'runInfo',
      'withVirtualTime',
    ])
    expect(new api.TooManySteps(5).name).toBe('TooManySteps')
  })

  it('runs under node:test (node --test examples/node-test.mjs)', () => {
    const result = node(['--test', '--test-reporter=tap', 'examples/node-test.mjs'])
    expect(result.status, result.stdout + result.stderr).toBe(0)
    expect(result.stdout).toContain('# pass 2')
    expect(result.stdout).toContain('# fail 0')
  })

  it('explains the LoopExit that ends a deadlocked process, with explainDeadlocks()', () => {
    const result = node([`${here}fixtures/explain-deadlocks.mjs`])
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout.trim().split('\n')).toEqual([
      'LoopExit: This operation would block forever (waiting on get(worker-1))',
      'Deadlock: nothing is ready to run, no timer is armed and no I/O is pending, so nothing can wake these greenlets:',
      '  main waits on get(worker-1)',
      '  worker-1 holds Lock "A", waits on Lock "B" held by worker-2',
      '  worker-2 holds Lock "B", waits on Lock "A" held by worker-1',
      'Cycle: worker-1 holds Lock "A", waits Lock "B"; worker-2 holds Lock "B", waits Lock "A"',
    ])
  })
})

import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const built = existsSync(fileURLToPath(new URL('../dist/index.js', import.meta.url)))
const fixture = (name: string): string =>
  fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))

// plain Node processes on dist/, as users run it (the build runs before the tests)
describe.skipIf(!built)('the built package', () => {
  it('runs tasks, names its error classes as in the sources, moves transfer() results', async () => {
    const { stdout } = await run(process.execPath, [fixture('dist-check.mjs')], {
      timeout: 15_000,
    })
    expect(JSON.parse(stdout)).toEqual({
      sum: 3,
      crashed: true,
      crashName: 'WorkerCrashed',
      exitCode: 4,
      closedName: 'ThreadPoolClosed',
      n: 4096,
      isBytes: true,
      length: 4096,
      allSevens: true,
      leftInWorker: 0, // moved out of the worker, not copied
    })
  })

  it('lets the process exit by itself, with close() and without it', async () => {
    const script = fixture('exit-script.mjs')
    const closed = await run(process.execPath, [script, 'close'], { timeout: 15_000 })
    const [results, resources] = closed.stdout.trim().split('\n')
    expect(results).toBe('[1,4,9,16]')
    const left = JSON.parse(resources ?? 'null') as string[]
    expect(left.filter((r) => r === 'Worker' || r === 'MessagePort')).toEqual([])
    const open = await run(process.execPath, [script], { timeout: 15_000 })
    expect(open.stdout.trim()).toBe('[1,4,9,16]') // idle threads do not hold the process
  })
})

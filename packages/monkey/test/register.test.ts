import { spawn as spawnChild } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { silentHttpServer } from './servers.js'

const REGISTER = fileURLToPath(new URL('../dist/register.js', import.meta.url))
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))

function run(args: string[], env: Record<string, string> = {}) {
  const child = spawnChild(process.execPath, ['--import', REGISTER, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (err += d))
  const exited = new Promise<{ code: number | null; out: string; err: string; ms: number }>(
    (resolve) => {
      const start = performance.now()
      child.on('exit', (code) => resolve({ code, out, err, ms: performance.now() - start }))
    },
  )
  return { child, exited }
}

describe('node --import @strand/monkey/register', () => {
  it('is built (npm run build) so that Node can load it', () => {
    expect(existsSync(REGISTER)).toBe(true)
  })

  it("stops a third-party helper's fetch under the program's top-level withTimeout", async () => {
    const server = await silentHttpServer()
    try {
      const { child, exited } = run([fixture('third-party-fetch.mjs'), server.url])
      await server.nextClose()
      const aliveWhenClosed = child.exitCode === null
      const { code, out, err } = await exited
      expect(err).toBe('')
      expect(code).toBe(0)
      expect(out.split('\n')).toEqual([
        'patched before the program loaded: true',
        'named import patched: true',
        'timed out',
        '',
      ])
      expect(aliveWhenClosed).toBe(true) // the timeout closed it, not the exit
    } finally {
      await server.close()
    }
  })

  it('with STRAND_DETECT_BLOCKING, the watchdog does not keep the process alive', async () => {
    const { code, out, err, ms } = await run([fixture('idle.mjs')], {
      STRAND_DETECT_BLOCKING: '0.1',
    }).exited
    expect({ code, out, err }).toEqual({ code: 0, out: 'done\n', err: '' })
    expect(ms).toBeLessThan(5000)
  })
})

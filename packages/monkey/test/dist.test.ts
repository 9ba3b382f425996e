import { describe, expect, it } from 'vitest'

// the built artefact is what users run (npm run build makes it); typed as the sources
const built = new URL('../dist/index.js', import.meta.url).href
const dist = (await import(built)) as typeof import('../src/index.js')

describe('the built package', () => {
  it('exports the API, with class names intact', () => {
    for (const name of [
      'patchAll',
      'unpatchAll',
      'isPatched',
      'getOriginal',
      'patchTimers',
      'patchFs',
      'patchNet',
      'patchDns',
      'patchFetch',
      'patchChildProcess',
      'patchEvents',
      'detectBlocking',
    ])
      expect(typeof (dist as Record<string, unknown>)[name], name).toBe('function')
    const err = new dist.EventLoopBlocked(0.2, 0.1, 'worker')
    expect(err.name).toBe('EventLoopBlocked')
    expect(err.code).toBe('ERR_EVENT_LOOP_BLOCKED')
    expect(err.message).toMatch(/blocked for about 0.2 s \(threshold 0.1 s\) in greenlet "worker"/)
  })

  it('patches and restores', () => {
    const fetch0 = globalThis.fetch
    expect(dist.patchAll().patched).toContain('globalThis.fetch')
    expect(globalThis.fetch).not.toBe(fetch0)
    dist.unpatchAll()
    expect(globalThis.fetch).toBe(fetch0)
  })
})

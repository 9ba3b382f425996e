import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import {
  BlockingSwitchOutError,
  type ErrorHandler,
  type Greenlet,
  GreenletExit,
  getHub,
  sleep,
  spawn,
  wait,
} from '../src/index.js'

const hub = getHub()
const defaultHandler = hub.handleError
afterEach(() => {
  hub.handleError = defaultHandler
})

function capture(): unknown[][] {
  const seen: unknown[][] = []
  const handler: ErrorHandler = (err, g) => {
    seen.push([err, g])
  }
  hub.handleError = handler
  return seen
}

describe('error reporting', () => {
  it('reports an unobserved failure once, with the greenlet', async () => {
    const seen = capture()
    const err = new Error('nobody listens')
    const g = spawn(() => {
      throw err
    })
    await sleep(0.01)
    expect(seen).toEqual([[err, g]])
  })

  it('does not report a failure that get() rethrows', async () => {
    const seen = capture()
    const g = spawn(async () => {
      await sleep(0)
      throw new Error('observed')
    })
    await expect(g.get()).rejects.toThrow('observed')
    await sleep(0.01)
    expect(seen).toEqual([])
  })

  it('reports a failure that is only joined: join() never shows the error', async () => {
    const seen = capture()
    const h = spawn(() => {
      throw new Error('joined')
    })
    await h.join()
    await sleep(0.01)
    expect(seen.map(([err]) => (err as Error).message)).toEqual(['joined'])
  })

  it('does not report GreenletExit', async () => {
    const seen = capture()
    spawn(() => {
      throw new GreenletExit()
    })
    const g = spawn(() => sleep(1))
    await sleep(0)
    await g.kill()
    await sleep(0.01)
    expect(seen).toEqual([])
  })

  it('never turns a greenlet failure into an unhandled rejection', async () => {
    capture()
    const unhandled: unknown[] = []
    const onUnhandled = (r: unknown) => unhandled.push(r)
    process.on('unhandledRejection', onUnhandled)
    spawn(async () => {
      await sleep(0)
      throw new Error('async failure')
    })
    await sleep(0.02)
    process.off('unhandledRejection', onUnhandled)
    expect(unhandled).toEqual([])
  })

  it('prints a gevent-style report by default', async () => {
    const writes: string[] = []
    const write = process.stderr.write
    process.stderr.write = ((chunk: string) => {
      writes.push(String(chunk))
      return true
    }) as typeof process.stderr.write
    try {
      const g = spawn(function crasher() {
        throw new TypeError('bad')
      })
      g.name = 'crasher'
      await sleep(0.01)
    } finally {
      process.stderr.write = write
    }
    expect(writes.join('')).toMatch(
      /TypeError: bad[\s\S]*<Greenlet "crasher"> failed with TypeError/,
    )
  })
})

describe('links', () => {
  it('fire in the order they were added, each once, also when added late', async () => {
    const order: string[] = []
    const g = spawn(() => 100)
    g.rawlink(() => order.push('raw1'))
    g.link(() => order.push('link'))
    g.rawlink(() => order.push('raw2'))
    await g.join()
    await sleep(0.001)
    g.rawlink(() => order.push('late'))
    await sleep(0.001)
    expect(order).toEqual(['raw1', 'link', 'raw2', 'late'])
  })

  it('run link() callbacks in their own greenlet and rawlink() ones in the hub', async () => {
    const where: string[] = []
    const g = spawn(() => undefined)
    g.link(() => where.push(hub.current() === hub.root ? 'hub' : 'greenlet'))
    g.rawlink(() => where.push(hub.current() === hub.root ? 'hub' : 'greenlet'))
    await g.join()
    await sleep(0.001)
    expect(where.sort()).toEqual(['greenlet', 'hub'])
  })

  it('filter with linkValue and linkException', async () => {
    const fired: string[] = []
    const ok = spawn(() => 1)
    const bad = spawn(() => {
      throw new Error('x')
    })
    for (const g of [ok, bad]) {
      g.linkValue(() => fired.push(`value:${g === ok ? 'ok' : 'bad'}`))
      g.linkException(() => fired.push(`exception:${g === ok ? 'ok' : 'bad'}`))
    }
    await wait([ok, bad])
    await sleep(0.001)
    expect(fired.sort()).toEqual(['exception:bad', 'value:ok'])
  })

  it('count a killed greenlet as a success', async () => {
    const fired: string[] = []
    const g = spawn(() => sleep(1))
    g.linkValue((x) => fired.push(x.value instanceof GreenletExit ? 'exit value' : 'other'))
    g.linkException(() => fired.push('exception'))
    await sleep(0)
    await g.kill()
    await sleep(0.001)
    expect(fired).toEqual(['exit value'])
  })

  it('can be removed with unlink', async () => {
    const fired: string[] = []
    const g = spawn(() => undefined)
    const cb = () => fired.push('x')
    g.link(cb)
    g.unlink(cb)
    await g.join()
    await sleep(0.001)
    expect(fired).toEqual([])
  })

  it('keep firing the others when one throws', async () => {
    const seen = capture()
    const results: number[] = []
    const g = spawn(() => undefined)
    g.rawlink(() => {
      throw new Error('listener failed')
    })
    g.rawlink(() => results.push(10))
    g.rawlink(() => {
      throw new Error('again')
    })
    g.rawlink(() => results.push(20))
    await g.join()
    await sleep(0.001)
    expect(results).toEqual([10, 20])
    expect(seen).toHaveLength(2)
  })

  it('refuse to wait inside a rawlink callback', async () => {
    const errors: unknown[] = []
    const g = spawn(() => undefined)
    g.rawlink(() => {
      try {
        void sleep(0.01)
      } catch (err) {
        errors.push(err)
      }
    })
    await g.join()
    await sleep(0.001)
    expect(errors[0]).toBeInstanceOf(BlockingSwitchOutError)
  })
})

describe('runInfo()', () => {
  it('lists live greenlets with what they wait on', async () => {
    const g = spawn(() => sleep(60))
    g.name = 'sleeper'
    await sleep(0)
    const row = hub.runInfo().find((r) => r.name === 'sleeper')
    expect(row).toMatchObject({ state: 'waiting', waitingOn: ['sleep'] })
    await g.kill()
    expect(hub.runInfo().find((r) => r.name === 'sleeper')).toBeUndefined()
  })

  it('records spawn sites when asked', async () => {
    hub.trackSpawnSites = true
    let g: Greenlet
    try {
      g = spawn(() => sleep(60))
    } finally {
      hub.trackSpawnSites = false
    }
    g.name = 'tracked'
    const row = hub.runInfo().find((r) => r.name === 'tracked')
    expect(row?.spawnedAt).toContain('hub.test.ts')
    await g.kill()
  })
})

describe('process exit', () => {
  const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url))
  const run = (fixture: string) =>
    execFileSync(
      process.execPath,
      [fileURLToPath(new URL(`./fixtures/${fixture}`, import.meta.url))],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 10_000,
      },
    )

  it.skipIf(!existsSync(dist))('raises LoopExit into main instead of exiting silently', () => {
    expect(run('loop-exit-main.mjs')).toBe(
      'main got LoopExit: This operation would block forever (waiting on joinAll)\nchild alive: true\n',
    )
  })

  it.skipIf(!existsSync(dist))(
    'raises LoopExit once into a blocked greenlet when main is done',
    () => {
      expect(run('loop-exit-greenlet.mjs')).toBe(
        'main done\nLoopExit in greenlet: This operation would block forever (waiting on Queue.get)\n',
      )
    },
  )

  it.skipIf(!existsSync(dist))('shuts down on a signal and lets the process exit', () => {
    expect(run('signal-shutdown.mjs')).toBe('joined: true GreenletExit\n')
  })
})

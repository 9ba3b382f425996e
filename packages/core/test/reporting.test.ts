// The reporting rule: a failure is reported once through hub.handleError unless code
// retrieved it; callbacks the hub runs never crash the process.
import { afterEach, describe, expect, it } from 'vitest'
import {
  BlockingSwitchOutError,
  type ErrorHandler,
  type Greenlet,
  getHub,
  joinAll,
  sleep,
  spawn,
} from '../src/index.js'

const hub = getHub()
const defaultHandler = hub.handleError
afterEach(() => {
  hub.handleError = defaultHandler
})

function capture(): unknown[] {
  const seen: unknown[] = []
  const handler: ErrorHandler = (err) => {
    seen.push(err)
  }
  hub.handleError = handler
  return seen
}

const failing = (message: string): Greenlet =>
  spawn(async () => {
    await sleep(0)
    throw new Error(message)
  })

const messages = (seen: unknown[]): string[] => seen.map((e) => (e as Error).message)

describe('a failure is not reported when code retrieved it', () => {
  it.each([
    ['get() rethrew it', (g: Greenlet) => g.get().catch(() => {})],
    [
      '.exception was read',
      async (g: Greenlet) => {
        await g.join()
        return g.exception
      },
    ],
    [
      'joinAll with raiseError threw it',
      (g: Greenlet) => joinAll([g], { raiseError: true }).catch(() => {}),
    ],
    ['a linkException callback got it', (g: Greenlet) => g.linkException(() => {})],
  ])('%s', async (_how, observe) => {
    const seen = capture()
    const g = failing('retrieved')
    await observe(g)
    await sleep(0.01)
    expect(seen).toEqual([])
  })
})

describe('a failure is reported once when nobody retrieved it', () => {
  it.each([
    ['only join()ed', (g: Greenlet) => g.join()],
    ['only passed to a plain joinAll()', (g: Greenlet) => joinAll([g])],
    ['only observed by linkValue()', (g: Greenlet) => g.linkValue(() => {})],
    ['only rawlinked', (g: Greenlet) => g.rawlink(() => {})],
    ['not looked at at all', () => undefined],
  ])('%s', async (_how, observe) => {
    const seen = capture()
    const g = failing('unretrieved')
    await observe(g)
    await sleep(0.01)
    expect(messages(seen)).toEqual(['unretrieved'])
  })
})

describe('callbacks the hub runs', () => {
  it('report an async rawlink callback that rejects, without crashing the process', async () => {
    const seen = capture()
    const unhandled: unknown[] = []
    const onUnhandled = (r: unknown): void => void unhandled.push(r)
    process.on('unhandledRejection', onUnhandled)
    try {
      const g = spawn(() => 1)
      // biome-ignore lint/nursery/noMisusedPromises: the mistake under test
      g.rawlink(async () => {
        throw new Error('boom')
      })
      await g.join()
      await sleep(0.01)
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
    expect(messages(seen)).toEqual(['boom'])
    expect(unhandled).toEqual([])
  })

  it('report an async rawlink callback that waits with BlockingSwitchOutError', async () => {
    const seen = capture()
    const g = spawn(() => 1)
    // biome-ignore lint/nursery/noMisusedPromises: the mistake under test
    g.rawlink(async () => {
      await sleep(0)
    })
    await g.join()
    await sleep(0.01)
    expect(seen).toHaveLength(1)
    expect(seen[0]).toBeInstanceOf(BlockingSwitchOutError)
  })

  it('report a throwing link() callback once, as the failure of its own greenlet', async () => {
    const seen = capture()
    const g = spawn(() => 1)
    g.link(() => {
      throw new Error('link failed')
    })
    await g.join()
    await sleep(0.01)
    expect(messages(seen)).toEqual(['link failed'])
  })
})

describe('a hub.handleError that throws', () => {
  it('is contained: reported once on stderr, and the hub goes on', async () => {
    const writes: string[] = []
    const write = process.stderr.write
    let calls = 0
    hub.handleError = () => {
      calls++
      throw new Error('handler broke')
    }
    process.stderr.write = ((chunk: string) => {
      writes.push(String(chunk))
      return true
    }) as typeof process.stderr.write
    let other: Greenlet | undefined
    try {
      failing('reported')
      other = spawn(async () => {
        await sleep(0.005)
        return 'unrelated greenlet finished'
      })
      await sleep(0.02)
    } finally {
      process.stderr.write = write
    }
    expect(calls).toBe(1)
    expect(writes.join('')).toMatch(/hub.handleError threw[\s\S]*handler broke[\s\S]*reported/)
    expect(await other?.get()).toBe('unrelated greenlet finished')
  })
})

describe('how handles print', () => {
  it('prints a GreenletExit as just its name', async () => {
    const { GreenletExit } = await import('../src/index.js')
    expect(String(new GreenletExit())).toBe('GreenletExit')
  })

  it('shows a greenlet by name, function and state in util.inspect', async () => {
    const { inspect } = await import('node:util')
    const g = spawn(async function fetchUser() {
      await sleep(0.01)
      throw new TypeError('no user')
    })
    g.name = 'fetch-1'
    expect(inspect(g)).toBe('Greenlet "fetch-1" (fetchUser) scheduled')
    await sleep(0)
    expect(inspect(g)).toBe('Greenlet "fetch-1" (fetchUser) waiting on sleep')
    await g.join()
    g.exception // retrieved
    expect(inspect(g)).toBe('Greenlet "fetch-1" (fetchUser) dead: failed with TypeError')
    expect(String(g)).toBe('<Greenlet "fetch-1": fetchUser>')
  })
})

import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { spawn, Timeout, withTimeout } from '@strand/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { patchFetch, unpatchAll } from '../src/index.js'
import { interruptible } from './contract.js'
import { since } from './helpers.js'
import { silentHttpServer } from './servers.js'

beforeAll(() => {
  patchFetch()
})
afterAll(() => {
  unpatchAll()
})

// a third-party helper: it calls fetch and passes no signal
async function getText(url: string): Promise<string> {
  const res = await fetch(url)
  return res.text()
}

describe('fetch inside a greenlet', () => {
  interruptible('fetch to a server that never answers', async () => {
    const server = await silentHttpServer()
    let closedByClient: Promise<void> | undefined
    return {
      block: () => {
        closedByClient = server.nextClose()
        return getText(server.url)
      },
      after: async () => {
        await closedByClient // the server saw the connection closed
      },
      close: () => server.close(),
    }
  })

  it("aborts with the caller's own signal when it comes first", async () => {
    const server = await silentHttpServer()
    try {
      const err = await spawn(async () => {
        using _t = Timeout.startNew(5)
        return fetch(server.url, { signal: AbortSignal.timeout(20) }).catch((e: unknown) => e)
      }).get()
      expect((err as Error).name).toBe('TimeoutError')
    } finally {
      await server.close()
    }
  })

  it("keeps a Request's own signal working", async () => {
    const server = await silentHttpServer()
    try {
      const controller = new AbortController()
      const request = new Request(server.url, { signal: controller.signal })
      const g = spawn(() => fetch(request).catch((e: unknown) => e))
      setTimeout(() => controller.abort(new Error('mine')), 20)
      expect(((await g.get()) as Error).message).toBe('mine')
    } finally {
      await server.close()
    }
  })

  it('stops a fetch made by main under a Timeout started by main', async () => {
    const server = await silentHttpServer()
    try {
      const closed = server.nextClose()
      const start = performance.now()
      const outcome = await withTimeout(0.05, () => getText(server.url), {
        timeoutValue: 'timeout',
      })
      expect(outcome).toBe('timeout')
      expect(since(start)).toBeLessThan(1000)
      await closed
    } finally {
      await server.close()
    }
  })
})

describe('fetch outside greenlets', () => {
  it('returns responses and errors as unpatched', async () => {
    const server = http.createServer((_req, res) => res.end('hello'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      expect(await getText(`http://127.0.0.1:${port}/`)).toBe('hello')
      const err = await fetch('not a url').catch((e: unknown) => e)
      expect(err).toBeInstanceOf(TypeError)
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })
})

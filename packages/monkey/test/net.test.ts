import { once } from 'node:events'
import http from 'node:http'
import net from 'node:net'
import { sleep, spawn, withTimeout } from '@strand/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { patchNet, unpatchAll } from '../src/index.js'
import { interruptible } from './contract.js'
import { pause } from './helpers.js'
import { deafListener, silentHttpServer } from './servers.js'

beforeAll(() => {
  patchNet()
})
afterAll(() => {
  http.globalAgent.destroy()
  unpatchAll()
})

/** Waits for `event` or `error` the way code does without events.once. */
function waitFor(emitter: NodeJS.EventEmitter, event: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    emitter.once(event, resolve)
    emitter.once('error', reject)
  })
}

describe('http inside a greenlet', () => {
  interruptible('http.get to a server that never answers', async () => {
    const server = await silentHttpServer()
    let closedByClient: Promise<void> | undefined
    return {
      block: () => {
        closedByClient = server.nextClose()
        return waitFor(http.get(server.url), 'response')
      },
      after: async () => {
        await closedByClient // the server saw the connection closed
      },
      close: () => server.close(),
    }
  })
  interruptible('http.request with options and a callback', async () => {
    const server = await silentHttpServer()
    return {
      block: () =>
        new Promise((resolve, reject) => {
          const { port } = new URL(server.url)
          const req = http.request({ host: '127.0.0.1', port, path: '/' }, resolve)
          req.on('error', reject)
          req.end()
        }),
      close: () => server.close(),
    }
  })

  it("aborts with the caller's own signal when it comes first", async () => {
    const server = await silentHttpServer()
    try {
      const err = await spawn(() =>
        waitFor(http.get(server.url, { signal: AbortSignal.timeout(20) }), 'response').catch(
          (e: unknown) => e,
        ),
      ).get()
      expect((err as Error).name).toBe('AbortError')
    } finally {
      await server.close()
    }
  })
})

describe('net sockets inside a greenlet', () => {
  interruptible('a connect to a listening socket that never accepts', async () => {
    const deaf = await deafListener()
    return {
      block: () => waitFor(net.connect(deaf.port, '127.0.0.1'), 'connect'),
      close: () => deaf.close(),
    }
  })
  interruptible('a connect awaited with events.once (unpatched)', async () => {
    const deaf = await deafListener()
    return {
      block: () => once(net.createConnection({ port: deaf.port, host: '127.0.0.1' }), 'connect'),
      close: () => deaf.close(),
    }
  })

  it('destroys the sockets a greenlet opened when it is killed, not when it ends', async () => {
    const server = net.createServer((s) => s.on('error', () => {}))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as net.AddressInfo
    try {
      let killedOne: net.Socket | undefined
      const g = spawn(async () => {
        killedOne = net.connect(port, '127.0.0.1')
        await once(killedOne, 'connect')
        await sleep(10)
      })
      const kept = await spawn(async () => {
        const s = net.connect(port, '127.0.0.1')
        await once(s, 'connect')
        return s
      }).get()
      await pause(30)
      await g.kill()
      expect(killedOne?.destroyed).toBe(true)
      expect(kept.destroyed).toBe(false)
      kept.destroy()
    } finally {
      server.close()
    }
  })

  it('leaves a connected socket alone when a later Timeout of its greenlet fires', async () => {
    const server = net.createServer((s) => s.on('error', () => {}))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as net.AddressInfo
    try {
      const s = await spawn(async () => {
        const socket = net.connect(port, '127.0.0.1')
        await once(socket, 'connect')
        await withTimeout(0.02, () => sleep(1), { timeoutValue: null })
        return socket
      }).get()
      expect(s.destroyed).toBe(false)
      s.destroy()
    } finally {
      server.close()
    }
  })
})

describe('outside greenlets', () => {
  it('connects and requests exactly as unpatched', async () => {
    const server = http.createServer((_req, res) => res.end('ok'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as net.AddressInfo
    try {
      const res = (await waitFor(
        http.get(`http://127.0.0.1:${port}/`),
        'response',
      )) as http.IncomingMessage
      res.resume()
      expect(res.statusCode).toBe(200)
      const s = net.connect(port, '127.0.0.1')
      await once(s, 'connect')
      s.destroy()
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })
})

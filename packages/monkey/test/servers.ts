import type { ChildProcess, spawn as spawnChild } from 'node:child_process'
import http from 'node:http'
import type net from 'node:net'
import type { AddressInfo } from 'node:net'
import { getOriginal } from '../src/index.js'
import { pause } from './helpers.js'

/** An HTTP server on 127.0.0.1 that accepts requests and never answers. */
export interface SilentServer {
  url: string
  /** Resolves when the next connection the server accepted is closed (by the client). */
  nextClose(): Promise<void>
  close(): Promise<void>
}

export async function silentHttpServer(): Promise<SilentServer> {
  const server = http.createServer(() => {
    // never answers
  })
  const closes: Array<() => void> = []
  const closed: Promise<void>[] = []
  server.on('connection', (socket) => {
    socket.unref() // the server's side is not what a test checks for leftovers
    closed.push(new Promise<void>((resolve) => socket.once('close', () => resolve())))
    for (const fn of closes.splice(0)) fn()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  let seen = 0
  return {
    url: `http://127.0.0.1:${port}/`,
    async nextClose() {
      while (closed.length <= seen) await new Promise<void>((resolve) => closes.push(resolve))
      await closed[seen++]
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/**
 * A listening TCP socket that never accepts: a child process listens with a backlog of
 * 1 and blocks; once two connections fill its queue, further connects hang in SYN_SENT.
 */
export interface DeafListener {
  port: number
  close(): Promise<void>
}

export async function deafListener(): Promise<DeafListener> {
  const spawnOriginal = getOriginal('child_process', 'spawn') as typeof spawnChild
  const child: ChildProcess = spawnOriginal(
    process.execPath,
    [
      '-e',
      `const s = require('net').createServer()
       s.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
         process.stdout.write(s.address().port + '\\n')
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)
       })`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const port = await new Promise<number>((resolve) =>
    child.stdout?.once('data', (d) => resolve(Number(String(d).trim()))),
  )
  const connect = getOriginal('net', 'connect') as typeof net.connect
  const fillers: net.Socket[] = []
  for (let i = 0; i < 10; i++) {
    const s = connect(port, '127.0.0.1')
    s.on('error', () => {})
    const ok = await Promise.race([
      new Promise<boolean>((resolve) => s.once('connect', () => resolve(true))),
      pause(300).then(() => false),
    ])
    if (!ok) {
      s.destroy()
      break
    }
    fillers.push(s)
  }
  return {
    port,
    async close() {
      for (const s of fillers) s.destroy()
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
    },
  }
}

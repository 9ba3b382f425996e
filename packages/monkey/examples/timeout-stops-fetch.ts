// A Timeout around code that knows nothing about signals really stops the request.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { withTimeout } from '@strand/core'
import { patchAll, unpatchAll } from '@strand/monkey'

// a third-party helper: it calls fetch and passes no signal
async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url)
  return res.json()
}

export async function main(log: (line: string) => void = console.log): Promise<void> {
  patchAll() // or: node --import @strand/monkey/register app.js
  const server = http.createServer(() => {}) // accepts, never answers
  const closed = new Promise<void>((resolve) =>
    server.once('connection', (socket) => socket.once('close', () => resolve())),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  const result = await withTimeout(0.2, () => getJson(`http://127.0.0.1:${port}/`), {
    timeoutValue: 'timed out',
  })
  log(String(result)) // => timed out
  await closed
  log('the server saw the connection closed') // the request itself was aborted

  server.close()
  unpatchAll()
}

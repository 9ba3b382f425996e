import type { Log } from '@strand/demo-kit'
import { type Greenlet, sleep, spawn } from 'strand'
import { isPatched, patchEvents, patchNet, unpatchAll } from 'strand/monkey'
import { fetchQuote, openSockets, serveQuotes } from '../internal/socket-demo.js'

export const title = 'Monkey patching the socket module: a kill stops a third-party client'

const ANSWER_AFTER = 1
const KILL_AFTER = 0.2

/** Runs `fetchQuote` in a greenlet, kills it 0.2 s in, and prints what happened on both ends. */
async function killMidRequest(log: Log): Promise<void> {
  const server = await serveQuotes(ANSWER_AFTER)
  try {
    const sockets = openSockets()
    const closed = server.nextClose()
    const client: Greenlet<string> = spawn(fetchQuote, server.port)
    await sleep(KILL_AFTER)
    const start = performance.now()
    await client.kill()
    log(
      `kill() ${KILL_AFTER} s into the request returned after ~${((performance.now() - start) / 1000).toFixed(2)} s`,
    )
    log(
      client.value instanceof Error
        ? `the greenlet ended by ${client.value.name}`
        : `the greenlet ran to its end anyway: got ${client.value}`,
    )
    const { seconds, answered } = await closed
    log(
      `server: the client hung up ~${seconds.toFixed(2)} s after connecting, ${answered ? 'after' : 'before'} its answer`,
    )
    for (let i = 0; i < 50 && openSockets() > sockets; i++) await sleep(0.01) // closes under way
    log(`sockets left open: ${openSockets() - sockets}`)
  } finally {
    await server.close()
  }
}

/**
 * `monkey.patch_socket()` makes the socket module cooperative. The same client, written
 * for Node's own sockets, twice: unpatched, a kill cannot stop its request (the greenlet
 * waits on a promise Strand knows nothing about, and finishes when the server answers);
 * patched, the kill stops it at once and its socket is closed. In Node a socket is waited
 * on through its events, so patch_socket() is `patchNet()` and `patchEvents()` here.
 */
export async function main(log: Log = console.log): Promise<void> {
  log(`a client written for node:net and events.once; the server answers after ${ANSWER_AFTER} s`)
  const patchedBefore = isPatched('net') && isPatched('events')
  if (patchedBefore) {
    log(
      '(this process was started patched, with --import @strand/monkey/register: no unpatched run)',
    )
  } else {
    log('Unpatched:')
    await killMidRequest(log)
  }
  log('After monkey.patch_socket() (patchNet() and patchEvents()):')
  if (!patchedBefore) {
    patchNet()
    patchEvents()
  }
  try {
    await killMidRequest(log)
  } finally {
    if (!patchedBefore) unpatchAll()
  }
}

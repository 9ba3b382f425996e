import type { Log } from '@strand/demo-kit'
import { joinAll, sleep, spawn } from 'strand'
import { chat } from '../socket-chat/chat-client.js'
import { scripted } from '../socket-chat/scripted.js'
import { startUpperServer } from '../socket-chat/upper-server.js'

export const title = 'Socket server and clients: a greenlet per connection, upper-cased replies'

const CONVERSATIONS: Record<string, readonly string[]> = {
  ann: ['ann: hello', 'ann: how are you?', 'q'],
  bob: ['bob: hi there', 'bob: gevent in node?', 'q'],
  cy: ['cy: good morning', 'cy: bye', 'q'],
}

/**
 * The document's server (a greenlet per connection, replies in upper case) and three of
 * its clients at once, each a scripted conversation in a greenlet of its own, a line every
 * 0.05 s and a little apart from each other: the server serves them side by side. The
 * interactive client, the one you type into (`q` quits), is `node dist/socket-chat.js
 * client --port <port>` next to `node dist/socket-chat.js server`.
 */
export async function main(log: Log = console.log): Promise<void> {
  const upper = await startUpperServer(log)
  log('server started: a StreamServer, a greenlet for each connection')
  log('three clients talk to it at once (scripted conversations)')
  try {
    const clients = Object.entries(CONVERSATIONS).map(([name, lines], i) =>
      spawn(async () => {
        await sleep(0.015 * i)
        await chat(upper.server.address, scripted(name, lines, log, 0.05), log, name)
      }),
    )
    await joinAll(clients, { raiseError: true })
    while (upper.served < clients.length) await sleep(0.01) // the handlers see the ends
    log(`server: ${upper.served} clients served, up to ${upper.mostAtOnce} at once`)
  } finally {
    await upper.server.stop()
  }
}

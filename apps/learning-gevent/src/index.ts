import { defineDocument } from '@strand/demo-kit'
import * as syncVsAsync from './examples/01-sync-vs-async.js'
import * as determinism from './examples/02-determinism.js'
import * as createGreenlets from './examples/03-create-greenlets.js'
import * as greenletState from './examples/04-greenlet-state.js'
import * as signalShutdown from './examples/05-signal-shutdown.js'
import * as timeout from './examples/06-timeout.js'
import * as monkeyPatchSocket from './examples/07-monkey-patch-socket.js'
import * as asyncioHello from './examples/08-asyncio-hello.js'

/** Document 003 and its examples. */
export const document = defineDocument('003', 'Learning gevent and greenlet', {
  1: syncVsAsync,
  2: determinism,
  3: createGreenlets,
  4: greenletState,
  5: signalShutdown,
  6: timeout,
  7: monkeyPatchSocket,
  8: asyncioHello,
})

/** The examples of document 003, in the document's order. */
export const examples = document.examples

import type { DemoDocument, Example } from './example.js'
import * as syncVsAsync from './examples/01-sync-vs-async.js'
import * as determinism from './examples/02-determinism.js'
import * as createGreenlets from './examples/03-create-greenlets.js'
import * as greenletState from './examples/04-greenlet-state.js'
import * as signalShutdown from './examples/05-signal-shutdown.js'
import * as timeout from './examples/06-timeout.js'
import * as asyncioHello from './examples/08-asyncio-hello.js'

export type { DemoDocument, Example, Log } from './example.js'
export { runExamples } from './run-examples.js'

/** The examples of document 003, in the document's order. */
export const examples: readonly Example[] = [
  { id: '003#1', title: syncVsAsync.title, main: syncVsAsync.main },
  { id: '003#2', title: determinism.title, main: determinism.main },
  { id: '003#3', title: createGreenlets.title, main: createGreenlets.main },
  { id: '003#4', title: greenletState.title, main: greenletState.main },
  { id: '003#5', title: signalShutdown.title, main: signalShutdown.main },
  { id: '003#6', title: timeout.title, main: timeout.main },
  { id: '003#8', title: asyncioHello.title, main: asyncioHello.main },
]

/** Document 003 and its examples. */
export const document: DemoDocument = {
  id: '003',
  title: 'Learning gevent and greenlet',
  examples,
}

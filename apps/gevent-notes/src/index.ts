import type { DemoDocument, Example } from './example.js'
import * as generatorSend from './examples/01-generator-send.js'
import * as greenletSwitch from './examples/02-greenlet-switch.js'
import * as spawnSleepZero from './examples/03-spawn-sleep-zero.js'
import * as syncVsAsync from './examples/04-sync-vs-async.js'
import * as signalShutdown from './examples/05-signal-shutdown.js'
import * as timeout from './examples/06-timeout.js'
import * as event from './examples/07-event.js'
import * as asyncResult from './examples/08-async-result.js'
import * as queueBossWorkers from './examples/09-queue-boss-workers.js'
import * as nowait from './examples/10-nowait.js'

export type { DemoDocument, Example, Log } from './example.js'
export { runExamples } from './run-examples.js'

/** The examples of document 000, in the document's order. */
export const examples: readonly Example[] = [
  { id: '000#1', title: generatorSend.title, main: generatorSend.main },
  { id: '000#2', title: greenletSwitch.title, main: greenletSwitch.main },
  { id: '000#3', title: spawnSleepZero.title, main: spawnSleepZero.main },
  { id: '000#4', title: syncVsAsync.title, main: syncVsAsync.main },
  { id: '000#5', title: signalShutdown.title, main: signalShutdown.main },
  { id: '000#6', title: timeout.title, main: timeout.main },
  { id: '000#7', title: event.title, main: event.main },
  { id: '000#8', title: asyncResult.title, main: asyncResult.main },
  { id: '000#9', title: queueBossWorkers.title, main: queueBossWorkers.main },
  { id: '000#10', title: nowait.title, main: nowait.main },
]

/** Document 000 and its examples. */
export const document: DemoDocument = {
  id: '000',
  title: 'Python concurrency notes: from coroutines to gevent (1)',
  examples,
}

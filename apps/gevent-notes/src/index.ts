import { defineDocument } from '@strand/demo-kit'
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

/** Document 000 and its examples. */
export const document = defineDocument(
  '000',
  'Python concurrency notes: from coroutines to gevent (1)',
  {
    1: generatorSend,
    2: greenletSwitch,
    3: spawnSleepZero,
    4: syncVsAsync,
    5: signalShutdown,
    6: timeout,
    7: event,
    8: asyncResult,
    9: queueBossWorkers,
    10: nowait,
  },
)

/** The examples of document 000, in the document's order. */
export const examples = document.examples

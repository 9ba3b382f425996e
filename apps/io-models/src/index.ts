import { defineDocument } from '@strand/demo-kit'
import * as yieldSwitch from './examples/01-yield-switch.js'
import * as producerConsumer from './examples/02-producer-consumer.js'
import * as blockingConsumer from './examples/03-blocking-consumer.js'
import * as greenletSwitch from './examples/04-greenlet-switch.js'
import * as spawnWithArguments from './examples/05-spawn-with-arguments.js'
import * as currentGreenlet from './examples/06-current-greenlet.js'
import * as crawler from './examples/07-crawler.js'
import * as socketServerClient from './examples/08-socket-server-client.js'
import * as fiveIoModels from './examples/09-five-io-models.js'

/** Document 001 and its examples. */
export const document = defineDocument(
  '001',
  'Notes: coroutines, greenlet, gevent, the five IO models',
  {
    1: yieldSwitch,
    2: producerConsumer,
    3: blockingConsumer,
    4: greenletSwitch,
    5: spawnWithArguments,
    6: currentGreenlet,
    7: crawler,
    8: socketServerClient,
    9: fiveIoModels,
  },
)

/** The examples of document 001, in the document's order (the socket ones are still to come). */
export const examples = document.examples

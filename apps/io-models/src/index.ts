import type { DemoDocument, Example } from './example.js'
import * as yieldSwitch from './examples/01-yield-switch.js'
import * as producerConsumer from './examples/02-producer-consumer.js'
import * as blockingConsumer from './examples/03-blocking-consumer.js'
import * as greenletSwitch from './examples/04-greenlet-switch.js'
import * as spawnWithArguments from './examples/05-spawn-with-arguments.js'
import * as currentGreenlet from './examples/06-current-greenlet.js'

export type { DemoDocument, Example, Log } from './example.js'
export { runExamples } from './run-examples.js'

/** The examples of document 001, in the document's order (the socket ones are still to come). */
export const examples: readonly Example[] = [
  { id: '001#1', title: yieldSwitch.title, main: yieldSwitch.main },
  { id: '001#2', title: producerConsumer.title, main: producerConsumer.main },
  { id: '001#3', title: blockingConsumer.title, main: blockingConsumer.main },
  { id: '001#4', title: greenletSwitch.title, main: greenletSwitch.main },
  { id: '001#5', title: spawnWithArguments.title, main: spawnWithArguments.main },
  { id: '001#6', title: currentGreenlet.title, main: currentGreenlet.main },
]

/** Document 001 and its examples. */
export const document: DemoDocument = {
  id: '001',
  title: 'Notes: coroutines, greenlet, gevent, the five IO models',
  examples,
}

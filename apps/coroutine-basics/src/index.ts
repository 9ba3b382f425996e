import type { DemoDocument, Example } from './example.js'
import * as nestedCalls from './examples/01-nested-calls.js'
import * as mutualRecursion from './examples/02-mutual-recursion.js'
import * as greenletProducerConsumer from './examples/03-greenlet-producer-consumer.js'

export type { DemoDocument, Example, Log } from './example.js'
export { runExamples } from './run-examples.js'

/** The examples of document 002, in the document's order. */
export const examples: readonly Example[] = [
  { id: '002#1', title: nestedCalls.title, main: nestedCalls.main },
  { id: '002#2', title: mutualRecursion.title, main: mutualRecursion.main },
  {
    id: '002#3',
    title: greenletProducerConsumer.title,
    main: greenletProducerConsumer.main,
  },
]

/** Document 002 and its examples. */
export const document: DemoDocument = {
  id: '002',
  title: 'What a coroutine is (subroutines vs coroutines)',
  examples,
}

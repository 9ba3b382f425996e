import { defineDocument } from '@strand/demo-kit'
import * as nestedCalls from './examples/01-nested-calls.js'
import * as mutualRecursion from './examples/02-mutual-recursion.js'
import * as greenletProducerConsumer from './examples/03-greenlet-producer-consumer.js'

/** Document 002 and its examples. */
export const document = defineDocument('002', 'What a coroutine is (subroutines vs coroutines)', {
  1: nestedCalls,
  2: mutualRecursion,
  3: greenletProducerConsumer,
})

/** The examples of document 002, in the document's order. */
export const examples = document.examples

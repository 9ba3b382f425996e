import { defineDocument } from '@strand/demo-kit'
import * as fooBar from './examples/01-foo-bar.js'
import * as patchAll from './examples/02-patch-all.js'
import * as workerQueue from './examples/03-worker-queue.js'
import * as taskRunner from './examples/04-task-runner.js'

/** Document 004 and its examples. */
export const document = defineDocument(
  '004',
  'Python coroutines (a task-execution service with pooling and concurrency control)',
  {
    1: fooBar,
    2: patchAll,
    3: workerQueue,
    4: taskRunner,
  },
)

/** The examples of document 004, in the document's order. */
export const examples = document.examples

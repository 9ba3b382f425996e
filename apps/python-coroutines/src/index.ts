import type { DemoDocument, Example } from './example.js'
import * as fooBar from './examples/01-foo-bar.js'
import * as workerQueue from './examples/03-worker-queue.js'

export type { DemoDocument, Example, Log } from './example.js'
export { runExamples } from './run-examples.js'

/** The examples of document 004, in the document's order (004#2 and 004#4 are still to come). */
export const examples: readonly Example[] = [
  { id: '004#1', title: fooBar.title, main: fooBar.main },
  { id: '004#3', title: workerQueue.title, main: workerQueue.main },
]

/** Document 004 and its examples. */
export const document: DemoDocument = {
  id: '004',
  title: 'Python coroutines (a task-execution service with pooling and concurrency control)',
  examples,
}

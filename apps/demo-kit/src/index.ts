export { defineDocument } from './define-document.js'
export type { DemoDocument, Example, ExampleModule, Log } from './example.js'
export { Random } from './random.js'
export { runDocument, runExample, runExamples } from './run-examples.js'

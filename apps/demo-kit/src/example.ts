/** Where an example prints its lines: `console.log` by default, a collector in tests. */
export type Log = (line: string) => void

/**
 * What an example module exports: a title and a `main` that prints through `log`.
 *
 * @example
 * import type { ExampleModule } from '@strand/demo-kit'
 * const hello: ExampleModule = { title: 'hello', main: async (log = console.log) => log('hi') }
 */
export interface ExampleModule {
  /** What it shows, in a few words. */
  title: string
  /** Runs it, printing through `log`. */
  main: (log?: Log) => Promise<void>
}

/**
 * One runnable example of a source document.
 *
 * @example
 * import type { Example } from '@strand/demo-kit'
 * const example: Example = { id: '000#1', title: 'hello', main: async () => {} }
 */
export interface Example extends ExampleModule {
  /** `<document>#<n>`, e.g. `000#3`: the document's number and the example's place in it. */
  id: string
}

/**
 * A source document and its examples, in the document's order.
 *
 * @example
 * import { defineDocument, type DemoDocument } from '@strand/demo-kit'
 * const doc: DemoDocument = defineDocument('009', 'Nothing yet', {})
 */
export interface DemoDocument {
  /** The document's number, e.g. `000`. */
  id: string
  /** Its title, translated. */
  title: string
  examples: readonly Example[]
}

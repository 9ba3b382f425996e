/** Where an example prints its lines: `console.log` by default, a collector in tests. */
export type Log = (line: string) => void

/** One runnable example of a source document. */
export interface Example {
  /** `<document>#<n>`, e.g. `000#3`: the document's number and the example's place in it. */
  id: string
  /** What it shows, in a few words. */
  title: string
  /** Runs it, printing through `log`. */
  main: (log?: Log) => Promise<void>
}

/** A source document and its examples, in the document's order. */
export interface DemoDocument {
  /** The document's number, e.g. `000`. */
  id: string
  /** Its title, translated. */
  title: string
  examples: readonly Example[]
}

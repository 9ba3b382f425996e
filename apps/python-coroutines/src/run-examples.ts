import type { DemoDocument, Log } from './example.js'

/**
 * Runs a document's examples one after another, a header before each. Returns false
 * (after printing the error) if one of them throws; the rest still run.
 */
export async function runExamples(doc: DemoDocument, log: Log = console.log): Promise<boolean> {
  let ok = true
  for (const example of doc.examples) {
    log('')
    log(`--- ${example.id} ${example.title} ---`)
    try {
      await example.main(log)
    } catch (err) {
      ok = false
      log(
        `!!! ${example.id} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      )
    }
  }
  return ok
}

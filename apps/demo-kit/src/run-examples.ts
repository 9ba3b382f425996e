import type { DemoDocument, Example, Log } from './example.js'

/**
 * Runs one example under a `--- <id> <title> ---` header (after a blank line). If it throws,
 * prints `!!! <id> failed: <stack>` and returns false instead of throwing.
 *
 * @example
 * import { runExample } from '@strand/demo-kit'
 * await runExample({ id: '000#1', title: 'hello', main: async (log = console.log) => log('hi') })
 * // =>
 * // --- 000#1 hello ---
 * // hi
 * // (returns true)
 */
export async function runExample(example: Example, log: Log = console.log): Promise<boolean> {
  log('')
  log(`--- ${example.id} ${example.title} ---`)
  try {
    await example.main(log)
    return true
  } catch (err) {
    log(
      `!!! ${example.id} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    )
    return false
  }
}

/**
 * Runs a document's examples one after another with {@link runExample}. Returns false if
 * one of them threw (its error is printed); the rest still run.
 *
 * @example
 * import { defineDocument, runExamples } from '@strand/demo-kit'
 * const doc = defineDocument('009', 'demo', { 1: { title: 'boom', main: async () => { throw new Error('boom') } } })
 * await runExamples(doc) // => false, after printing "!!! 009#1 failed: Error: boom ..."
 */
export async function runExamples(doc: DemoDocument, log: Log = console.log): Promise<boolean> {
  let ok = true
  for (const example of doc.examples) {
    if (!(await runExample(example, log))) ok = false
  }
  return ok
}

/**
 * What an app's `main.ts` does: prints `=== <id> <title> ===`, then runs the document's
 * examples with {@link runExamples}. Returns false if any example threw.
 *
 * @example
 * import { runDocument } from '@strand/demo-kit'
 * import { document } from '@strand/demo-gevent-notes'
 * process.exitCode = (await runDocument(document)) ? 0 : 1
 * // => === 000 Python concurrency notes: from coroutines to gevent (1) ===, then each example
 */
export async function runDocument(doc: DemoDocument, log: Log = console.log): Promise<boolean> {
  log(`=== ${doc.id} ${doc.title} ===`)
  return runExamples(doc, log)
}

import { type DemoDocument, type Log, runExample } from '@strand/demo-kit'

/**
 * Examples of the documents that are not in the tour yet, with what each needs. Empty:
 * every example of the five documents runs. If one is ever left out again, list it here:
 * the tour's last lines name it, and a test checks each listed one is really absent.
 */
export const STILL_TO_COME: readonly (readonly [id: string, what: string])[] = []

/** The documents in document order (000, 001, …), whatever order they are given in. */
export function documents(...docs: DemoDocument[]): DemoDocument[] {
  return [...docs].sort((a, b) => a.id.localeCompare(b.id))
}

/**
 * Runs every example of every document in order: a banner per document, a header per
 * example. An example that throws is reported and the tour goes on; returns false if any did.
 */
export async function runTour(
  docs: readonly DemoDocument[],
  log: Log = console.log,
): Promise<boolean> {
  const started = performance.now()
  let ok = true
  let count = 0
  for (const doc of docs) {
    log('')
    log('='.repeat(78))
    log(`=== ${doc.id} ${doc.title}`)
    log('='.repeat(78))
    for (const example of doc.examples) {
      count++
      if (!(await runExample(example, log))) ok = false
    }
  }
  log('')
  log(
    `Tour done: ${count} examples from ${docs.length} documents in ~${((performance.now() - started) / 1000).toFixed(1)} s${ok ? '' : ' (with failures, see !!! above)'}`,
  )
  if (STILL_TO_COME.length === 0) {
    log('No example of the documents is left out: none is still to come.')
  } else {
    log(`Not in the tour yet: ${STILL_TO_COME.length} examples:`)
    for (const [id, what] of STILL_TO_COME) log(`  ${id} ${what}`)
  }
  return ok
}

import { type DemoDocument, type Log, runExample } from '@strand/demo-kit'

/** Examples of the documents that need packages not written yet (sockets, monkey patching). */
export const STILL_TO_COME = ['001#7', '001#8', '001#9', '003#7', '004#2'] as const

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
  log(`Still to come (they need @strand/net and @strand/monkey): ${STILL_TO_COME.join(', ')}`)
  return ok
}

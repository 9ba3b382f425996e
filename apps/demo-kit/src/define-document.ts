import type { DemoDocument, Example, ExampleModule } from './example.js'

/**
 * Builds a document from its example modules, keyed by their place in the document: key
 * `3` of document `000` becomes example `000#3`. Examples come out in ascending order of
 * their keys, so gaps (examples still to come) are simply left out.
 *
 * @throws RangeError if a key is not a positive integer.
 * @example
 * import { defineDocument } from '@strand/demo-kit'
 * const doc = defineDocument('004', 'Python coroutines', {
 *   1: { title: 'foo and bar', main: async () => {} },
 *   3: { title: 'worker queue', main: async () => {} },
 * })
 * doc.examples.map((e) => e.id) // => ['004#1', '004#3']
 */
export function defineDocument(
  id: string,
  title: string,
  modules: Readonly<Record<number, ExampleModule>>,
): DemoDocument {
  const examples: Example[] = []
  // Integer keys enumerate in ascending numeric order.
  for (const [key, module] of Object.entries(modules)) {
    if (!/^[1-9]\d*$/.test(key)) {
      throw new RangeError(`Expected example keys to be positive integers, got \`${key}\``)
    }
    examples.push({ id: `${id}#${key}`, title: module.title, main: module.main })
  }
  return { id, title, examples }
}

import type { Example } from '../example.js'

/**
 * Finds the example with `id`, so a test can look at one example's output closely.
 *
 * @throws Error if there is none: the test names an example that does not exist.
 * @example
 * import { findExample } from '@strand/demo-kit/testing'
 * import { examples } from '@strand/demo-gevent-notes'
 * findExample(examples, '000#7').title // => 'Event: ...'
 */
export function findExample(examples: readonly Example[], id: string): Example {
  const example = examples.find((e) => e.id === id)
  if (!example) {
    throw new Error(`No example \`${id}\`; there are ${examples.map((e) => e.id).join(', ')}`)
  }
  return example
}

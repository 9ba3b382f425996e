import type { Example } from '../example.js'

/**
 * Runs an example and returns what it printed, one string per line. An error from the
 * example propagates (the lines printed so far are lost).
 *
 * @example
 * import { capture } from '@strand/demo-kit/testing'
 * await capture({ id: '000#1', title: 'hi', main: async (log = console.log) => log('hi') })
 * // => ['hi']
 */
export async function capture(example: Example): Promise<string[]> {
  const lines: string[] = []
  await example.main((line) => lines.push(line))
  return lines
}

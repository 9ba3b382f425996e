import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Example } from '../example.js'
import { capture } from './capture.js'
import { normaliseOutput } from './normalise-output.js'

/**
 * The expected-output file of an example: `expected/<id>.txt` next to the running test
 * file. Call it inside a test.
 *
 * @throws Error outside a running vitest test file (there is no test path to go by).
 * @example
 * import { expectedFile } from '@strand/demo-kit/testing'
 * expectedFile('000#3') // => '/…/apps/gevent-notes/test/expected/000#3.txt'
 */
export function expectedFile(id: string): string {
  const testPath = expect.getState().testPath
  if (!testPath) throw new Error('expectedFile() needs a running vitest test file')
  return join(dirname(testPath), 'expected', `${id}.txt`)
}

/** How {@link expectStory} compares. */
export interface StoryOptions {
  /**
   * Where the order of some lines is decided by timing (concurrent clients, pages served
   * in parallel): the lines must be the expected file's lines, in any order. The order
   * that matters is then the test's to assert.
   */
  anyOrder?: boolean
}

/**
 * Runs an example, checks that its normalised output ({@link normaliseOutput}) matches its
 * expected file ({@link expectedFile}; `vitest -u` rewrites it) and returns the raw lines
 * for closer checks. With `anyOrder`, the same lines in another order match too. An error
 * from the example fails the test.
 *
 * @example
 * import { expectStory, findExample, measuredTimes } from '@strand/demo-kit/testing'
 * import { examples } from '@strand/demo-io-models'
 * const lines = await expectStory(findExample(examples, '001#3'))
 * measuredTimes(lines.at(-1)!)[0] // => about 1
 * await expectStory(findExample(examples, '001#8'), { anyOrder: true }) // clients interleave
 */
export async function expectStory(example: Example, options: StoryOptions = {}): Promise<string[]> {
  const lines = await capture(example)
  const text = normaliseOutput(lines)
  const file = expectedFile(example.id)
  if (options.anyOrder && existsSync(file) && sameLines(text, readFileSync(file, 'utf8'))) {
    return lines
  }
  // Not the same lines (or no file yet): the snapshot shows the difference, or writes it.
  await expect(text).toMatchFileSnapshot(file)
  return lines
}

function sameLines(a: string, b: string): boolean {
  const sorted = (text: string) => text.split('\n').sort().join('\n')
  return sorted(a) === sorted(b)
}

/**
 * Declares, for each example not in `except`, a suite `<id> <title>` with the test "prints
 * the story of the document" ({@link expectStory}). Call it at the top level of a test file
 * or inside a `describe`.
 *
 * @example
 * import { describeStories } from '@strand/demo-kit/testing'
 * import { examples } from '@strand/demo-gevent-notes'
 * describeStories(examples, { except: ['000#5'] }) // => 9 suites, 000#5 left out
 */
export function describeStories(
  examples: readonly Example[],
  options: { except?: readonly string[] } = {},
): void {
  const except = new Set(options.except)
  for (const example of examples) {
    if (except.has(example.id)) continue
    describe(`${example.id} ${example.title}`, () => {
      it('prints the story of the document', async () => {
        await expectStory(example)
      })
    })
  }
}

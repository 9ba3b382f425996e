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

/**
 * Runs an example, checks that its normalised output ({@link normaliseOutput}) matches its
 * expected file ({@link expectedFile}; `vitest -u` rewrites it) and returns the raw lines
 * for closer checks. An error from the example fails the test.
 *
 * @example
 * import { expectStory, findExample, measuredTimes } from '@strand/demo-kit/testing'
 * import { examples } from '@strand/demo-io-models'
 * const lines = await expectStory(findExample(examples, '001#3'))
 * measuredTimes(lines.at(-1)!)[0] // => about 1
 */
export async function expectStory(example: Example): Promise<string[]> {
  const lines = await capture(example)
  await expect(normaliseOutput(lines)).toMatchFileSnapshot(expectedFile(example.id))
  return lines
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

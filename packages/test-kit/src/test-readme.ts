// Shared by the packages' README tests (tests only; never built or published).
import { dirname, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readmeExamples } from './readme-examples.js'
import { expectedOutput, runExample } from './run-example.js'

/** Options of {@link testReadme}. */
export interface TestReadmeOptions {
  /**
   * Run each example shown and compare what it prints with its `// =>` comments (or its
   * `.expected.txt`). `false` for packages whose examples export `main(log)` and are run by
   * a test of their own (net, threadpool, redis): then only the blocks are checked.
   */
  readonly run?: boolean
}

/**
 * Registers the tests of one README: every TypeScript/JavaScript block is an example file
 * shown whole (see {@link readmeExamples}), and each example, run in a process of its own
 * (see {@link runExample}) in the README's folder, exits 0, writes nothing on stderr and prints exactly the lines
 * its `// =>` comments say.
 */
export function testReadme(readme: URL, { run = true }: TestReadmeOptions = {}): void {
  const path = fileURLToPath(readme)
  const { examples, problems } = readmeExamples(path)
  describe(relative(process.cwd(), path), () => {
    it('shows every example file as it is, and no code block that is not one', () => {
      expect(problems).toEqual([])
      expect(examples.length, 'the README shows no example').toBeGreaterThan(0)
    })
    if (!run) return
    const files = [...new Map(examples.map((e) => [e.path, e.file])).entries()]
    it.each(files.map(([p, f]) => [f, p]))(
      '%s prints what it says, exits 0, writes no error',
      async (file, example) => {
        const { lines, from } = expectedOutput(example)
        expect(lines.length, `${file}: say what it prints (${from})`).toBeGreaterThan(0)
        const result = await runExample(example, { cwd: dirname(path) })
        expect({
          stdout: result.stdout.map((l) => l.trimEnd()),
          stderr: result.stderr,
          code: result.code,
          timedOut: result.timedOut,
        }).toEqual({ stdout: lines, stderr: '', code: 0, timedOut: false })
      },
    )
  })
}

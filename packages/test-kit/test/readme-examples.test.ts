import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readmeExamples, syncReadme } from '../src/readme-examples.js'
import { expectedOutput, runExample } from '../src/run-example.js'
import { testReadme } from '../src/test-readme.js'

const fixture = (name: string) =>
  fileURLToPath(new URL(`./fixtures/readme/${name}`, import.meta.url))

describe('readmeExamples()', () => {
  it('pairs each marked block with its file and lets text and shell blocks be', () => {
    const { examples, problems } = readmeExamples(fixture('README.md'))
    expect(problems).toEqual([])
    expect(examples.map((e) => [e.file, e.line])).toEqual([['examples/prints.ts', 4]])
    expect(examples[0]?.path).toBe(fixture('examples/prints.ts'))
  })

  it('names every unmarked code block, missing file, differing block and lost marker', () => {
    const { examples, problems } = readmeExamples(fixture('BROKEN.md'))
    expect(examples.map((e) => e.file)).toEqual(['examples/prints.ts', 'examples/missing.ts'])
    expect(problems).toEqual([
      expect.stringMatching(/^readme\/BROKEN\.md:3: a ```ts block that is not an example/),
      'readme/BROKEN.md:9: the block differs from examples/prints.ts: line 3: shown nothing, ' +
        'file `const g = spawn(async () => {` (`npm run readme:sync -w @strand/test-kit` copies ' +
        'the files into the READMEs)',
      'readme/BROKEN.md:14: shows examples/missing.ts, which does not exist',
      'readme/BROKEN.md:18: the marker is not followed by a block',
      expect.stringMatching(/^readme\/BROKEN\.md:21: a ```js block that is not an example/),
    ])
  })
})

describe('syncReadme()', () => {
  it('copies each marked file into its block and leaves the rest of the README as it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'strand-readme-'))
    try {
      mkdirSync(join(dir, 'examples'))
      writeFileSync(join(dir, 'examples/a.ts'), "console.log('new')\nconsole.log('two')\n")
      const readme = join(dir, 'README.md')
      const before = '# T\n\n<!-- example: examples/a.ts -->\n```ts\nconsole.log(1)\n```\n\nEnd\n'
      writeFileSync(readme, before)
      expect(readmeExamples(readme).problems).toHaveLength(1)
      expect(syncReadme(readme)).toBe(1)
      expect(readFileSync(readme, 'utf8')).toBe(
        "# T\n\n<!-- example: examples/a.ts -->\n```ts\nconsole.log('new')\nconsole.log('two')\n```\n\nEnd\n",
      )
      expect(readmeExamples(readme).problems).toEqual([])
      expect(syncReadme(readme)).toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('expectedOutput()', () => {
  it('collects the // => comments in order, after statements and on lines of their own', () => {
    expect(expectedOutput(fixture('examples/prints.ts'))).toEqual({
      lines: ['done', 'a', 'b'],
      from: '// =>',
    })
  })

  it('reads the .expected.txt beside the example when there is one', () => {
    expect(expectedOutput(fixture('examples/listed.ts'))).toEqual({
      lines: ['first', 'second'],
      from: fixture('examples/listed.expected.txt'),
    })
  })

  it('finds nothing in an example that says nothing (testReadme fails it)', () => {
    expect(expectedOutput(fixture('examples/silent.ts')).lines).toEqual([])
  })
})

describe('runExample()', () => {
  it('runs TypeScript on the Strand sources in a process of its own', async () => {
    const run = await runExample(fixture('examples/prints.ts'))
    expect(run).toMatchObject({ stdout: ['done', 'a', 'b'], stderr: '', code: 0, timedOut: false })
  })

  it('shows what differs from the // => comments', async () => {
    const run = await runExample(fixture('examples/wrong.ts'))
    expect(run.stdout).toEqual(["[ 2, 'review' ]"])
    expect(run.stdout).not.toEqual(expectedOutput(fixture('examples/wrong.ts')).lines)
  })

  it('shows the LoopExit of a greenlet the example left blocked', async () => {
    const run = await runExample(fixture('examples/blocked.ts'))
    expect(run.stdout).toEqual(['end of module'])
    expect(run.stderr).toMatch(
      /LoopExit: This operation would block forever \(waiting on Queue\.get\)/,
    )
  })

  it('kills an example that does not end by itself', async () => {
    const run = await runExample(fixture('examples/keeps-running.ts'), { timeout: 2000 })
    expect(run).toMatchObject({ stdout: ['started'], code: null, timedOut: true })
  })
})

// the helper on a README whose example is right: what every package's README test does
testReadme(new URL('./fixtures/readme/README.md', import.meta.url))

// Shared by the packages' README tests (tests only; never built or published).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'

/** A fenced block of a README that shows an example file: the line above it says which. */
export interface ShownExample {
  /** The file as the marker names it, relative to the README: `examples/queue-basics.ts`. */
  readonly file: string
  /** The same file, absolute. */
  readonly path: string
  /** The README line of the opening fence (1-based), for messages. */
  readonly line: number
  /** The block's content, each line ending in `\n` (as the file's do). */
  readonly code: string
}

/** What a README shows: its example blocks, and what is wrong with it (empty when nothing). */
export interface ReadmeExamples {
  readonly examples: readonly ShownExample[]
  readonly problems: readonly string[]
}

/** Languages whose blocks must be examples: code a reader would copy and run. */
const CODE = new Set([
  'ts',
  'typescript',
  'tsx',
  'mts',
  'cts',
  'js',
  'javascript',
  'jsx',
  'mjs',
  'cjs',
])
const MARKER = /^<!--\s*example:\s*(\S+)\s*-->$/
const FENCE = /^(`{3,}|~{3,})\s*([\w-]*)/

/**
 * Reads a README and pairs each code block with the example file it shows. A block is an
 * example when the line before it (blank lines aside) is `<!-- example: examples/x.ts -->`,
 * a path relative to the README; its content must be that file, whole and exact. A
 * TypeScript or JavaScript block without a marker is a problem: every piece of code a
 * reader sees runs in a test (use ```text for what is not code to run).
 */
export function readmeExamples(readmePath: string): ReadmeExamples {
  const name = `${basename(dirname(readmePath))}/${basename(readmePath)}`
  const lines = readFileSync(readmePath, 'utf8').split('\n')
  const examples: ShownExample[] = []
  const problems: string[] = []
  let marker: { file: string; line: number } | null = null
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? ''
    const marked = MARKER.exec(text.trim())
    if (marked) {
      if (marker) problems.push(`${name}:${marker.line}: the marker is not followed by a block`)
      marker = { file: marked[1] ?? '', line: i + 1 }
      continue
    }
    const fence = FENCE.exec(text)
    if (!fence) {
      if (marker && text.trim() !== '') {
        problems.push(`${name}:${marker.line}: the marker is not followed by a block`)
        marker = null
      }
      continue
    }
    const close = lines.findIndex((l, j) => j > i && l.trim() === fence[1])
    const end = close < 0 ? lines.length : close
    const code = lines
      .slice(i + 1, end)
      .map((l) => `${l}\n`)
      .join('')
    const lang = (fence[2] ?? '').toLowerCase()
    if (marker) {
      const path = resolve(dirname(readmePath), marker.file)
      if (!existsSync(path)) {
        problems.push(`${name}:${i + 1}: shows ${marker.file}, which does not exist`)
      } else {
        const wrong = firstDifference(code, readFileSync(path, 'utf8'))
        if (wrong) {
          problems.push(
            `${name}:${i + 1}: the block differs from ${marker.file}: ${wrong} ` +
              '(`npm run readme:sync -w @strand/test-kit` copies the files into the READMEs)',
          )
        }
      }
      examples.push({ file: marker.file, path, line: i + 1, code })
    } else if (CODE.has(lang)) {
      problems.push(
        `${name}:${i + 1}: a \`\`\`${lang} block that is not an example: keep it as a file ` +
          `under examples/ and put <!-- example: examples/….ts --> above it, or make it \`\`\`text`,
      )
    }
    marker = null
    i = end
  }
  if (marker) problems.push(`${name}:${marker.line}: the marker is not followed by a block`)
  return { examples, problems }
}

/**
 * Copies each marked example file into its block, so a README shows the files as they
 * are after an edit (or after the formatter changed them). Returns how many blocks changed.
 */
export function syncReadme(readmePath: string): number {
  const lines = readFileSync(readmePath, 'utf8').split('\n')
  let changed = 0
  for (const { path, line, code } of [...readmeExamples(readmePath).examples].reverse()) {
    if (!existsSync(path)) continue
    const file = readFileSync(path, 'utf8')
    if (file === code) continue
    const shown = code.split('\n').length - 1
    lines.splice(line, shown, ...file.replace(/\n$/, '').split('\n'))
    changed++
  }
  if (changed > 0) writeFileSync(readmePath, lines.join('\n'))
  return changed
}

/** Where two texts first differ, as "line N: shown `…`, file `…`"; null when equal. */
function firstDifference(shown: string, file: string): string | null {
  if (shown === file) return null
  const a = shown.split('\n')
  const b = file.split('\n')
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      const show = (l: string | undefined) => (l === undefined ? 'nothing' : `\`${l}\``)
      return `line ${i + 1}: shown ${show(a[i])}, file ${show(b[i])}`
    }
  }
  return 'they differ in line endings'
}

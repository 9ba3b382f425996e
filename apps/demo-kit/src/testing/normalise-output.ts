const MEASURED = /~(\d+(?:\.\d+)?(?:e-?\d+)?) s\b/g
// What is left with a tilde once the times are gone: a measured count ("~14 polls").
const COUNTED = /~(\d+)\b(?!\.)/g
const GREENLET_NAME = /Greenlet-\d+/g
const LOOPBACK_PORT = /\b127\.0\.0\.1:\d+/g

/**
 * Makes printed output comparable from run to run: measured times, which the examples
 * print with a tilde ("~0.31 s", "~2.5e-5 s"), become "~<t> s" (durations from the
 * document stay as they are); measured counts, also printed with a tilde ("~14 polls"),
 * become "~<n>"; greenlet names "Greenlet-<digits>", whose numbers depend on what ran
 * before in the process, become "Greenlet-<n>"; and loopback addresses with the port the
 * system gave ("127.0.0.1:41234") become "127.0.0.1:<port>". Returns the lines joined
 * with and ended by "\n", the way the expected files are written.
 *
 * @example
 * import { normaliseOutput } from '@strand/demo-kit/testing'
 * normaliseOutput(['took ~0.31 s in Greenlet-7', 'sleep 1 s, ~14 polls', 'http://127.0.0.1:41234/'])
 * // => 'took ~<t> s in Greenlet-<n>\nsleep 1 s, ~<n> polls\nhttp://127.0.0.1:<port>/\n'
 */
export function normaliseOutput(lines: readonly string[]): string {
  let text = ''
  for (const line of lines) {
    text += `${line
      .replace(MEASURED, '~<t> s')
      .replace(COUNTED, '~<n>')
      .replace(GREENLET_NAME, 'Greenlet-<n>')
      .replace(LOOPBACK_PORT, '127.0.0.1:<port>')}\n`
  }
  return text
}

/**
 * The measured times in a line, in seconds, in order; none gives an empty array.
 *
 * @example
 * import { measuredTimes } from '@strand/demo-kit/testing'
 * measuredTimes('cooperative ~0.31 s, blocking ~2.5e-1 s') // => [0.31, 0.25]
 */
export function measuredTimes(line: string): number[] {
  return [...line.matchAll(MEASURED)].map((m) => Number(m[1]))
}

/**
 * The measured counts in a line (integers printed with a tilde, not followed by "s"), in
 * order; none gives an empty array.
 *
 * @example
 * import { measuredCounts } from '@strand/demo-kit/testing'
 * measuredCounts('~14 polls, ~3 of them empty, in ~0.4 s') // => [14, 3]
 */
export function measuredCounts(line: string): number[] {
  return [...line.replace(MEASURED, '').matchAll(COUNTED)].map((m) => Number(m[1]))
}

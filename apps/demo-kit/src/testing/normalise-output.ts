const MEASURED = /~(\d+(?:\.\d+)?(?:e-?\d+)?) s\b/g
const GREENLET_NAME = /Greenlet-\d+/g

/**
 * Makes printed output comparable from run to run: measured times, which the examples
 * print with a tilde ("~0.31 s", "~2.5e-5 s"), become "~<t> s" (durations from the
 * document stay as they are), and greenlet names "Greenlet-<digits>", whose numbers depend
 * on what ran before in the process, become "Greenlet-<n>". Returns the lines joined with
 * and ended by "\n", the way the expected files are written.
 *
 * @example
 * import { normaliseOutput } from '@strand/demo-kit/testing'
 * normaliseOutput(['took ~0.31 s in Greenlet-7', 'sleep 1 s'])
 * // => 'took ~<t> s in Greenlet-<n>\nsleep 1 s\n'
 */
export function normaliseOutput(lines: readonly string[]): string {
  let text = ''
  for (const line of lines) {
    text += `${line.replace(MEASURED, '~<t> s').replace(GREENLET_NAME, 'Greenlet-<n>')}\n`
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

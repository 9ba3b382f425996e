import { fileURLToPath } from 'node:url'
import type { Example } from '../src/index.js'

/** Runs an example and returns what it printed, one string per line. */
export async function capture(example: Example): Promise<string[]> {
  const lines: string[] = []
  await example.main((line) => lines.push(line))
  return lines
}

/**
 * Replaces measured times, which the examples print with a tilde ("~0.31 s", "~2.5e-5 s"),
 * with "~<t> s" so the text can be compared; durations from the document stay as they are.
 */
export function normaliseTimes(lines: readonly string[]): string {
  return `${lines.map((line) => line.replace(/~\d+(\.\d+)?(e-?\d+)? s\b/g, '~<t> s')).join('\n')}\n`
}

/** The measured times in a line, in seconds ("~0.31 s" gives 0.31). */
export function measuredTimes(line: string): number[] {
  return [...line.matchAll(/~(\d+(?:\.\d+)?(?:e-?\d+)?) s\b/g)].map((m) => Number(m[1]))
}

/** The expected-output file of an example: `expected/<id>.txt`, next to this file. */
export function expectedFile(id: string): string {
  return fileURLToPath(new URL(`./expected/${encodeURIComponent(id)}.txt`, import.meta.url))
}

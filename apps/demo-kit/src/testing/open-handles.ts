// Node's own timer, captured when the test file loads, before a demo patches timers
// (@strand/monkey); the test's own waiting should not count as the example's.
const nodeSetTimeout = globalThis.setTimeout
const pause = (ms: number): Promise<void> => new Promise((resolve) => nodeSetTimeout(resolve, ms))

/**
 * What keeps the process alive now, by kind (`process.getActiveResourcesInfo()`), without
 * the `Immediate` the hub keeps while it runs callbacks. Take one before an example, then
 * ask {@link leftOpen} what it left.
 *
 * @example
 * import { openHandles } from '@strand/demo-kit/testing'
 * openHandles() // => Map { 'PipeWrap' => 4 } (vitest's own pipes)
 */
export function openHandles(): Map<string, number> {
  const counts = new Map<string, number>()
  for (const kind of process.getActiveResourcesInfo()) {
    if (kind === 'Immediate') continue
    counts.set(kind, (counts.get(kind) ?? 0) + 1)
  }
  return counts
}

/**
 * Waits (up to `ms`, 1 s by default: a socket's close takes a turn or two of the event
 * loop) until nothing is open beyond `baseline`, and returns what still is, one kind per
 * handle (`['TCPSocketWrap']`); an empty array when the example left nothing behind.
 *
 * @example
 * import { leftOpen, openHandles } from '@strand/demo-kit/testing'
 * const before = openHandles()
 * await runTheExample()
 * await leftOpen(before) // => []
 */
export async function leftOpen(baseline: Map<string, number>, ms = 1000): Promise<string[]> {
  const until = performance.now() + ms
  for (;;) {
    const extra: string[] = []
    for (const [kind, n] of openHandles()) {
      for (let i = baseline.get(kind) ?? 0; i < n; i++) extra.push(kind)
    }
    if (extra.length === 0 || performance.now() > until) return extra
    await pause(10)
  }
}

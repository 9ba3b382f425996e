/**
 * The program 004#2 runs twice, as a child process: `node dist/legacy-program.js <url>`
 * and `node --import @strand/monkey/register dist/legacy-program.js <url>`. Its
 * `report()` is code written for Node with no thought of greenlets (a sleep, then
 * `fetch`, no signal anywhere); the program puts a Timeout around it, and says at the end
 * what is still open.
 */
import { setTimeout as delay } from 'node:timers/promises'
import { withTimeout } from 'strand'
import { isPatched } from 'strand/monkey'

/** "Old" code: it knows nothing about greenlets, Timeouts or AbortSignals. */
async function report(url: string): Promise<string> {
  await delay(100)
  const response = await fetch(url)
  return `${response.status} ${await response.text()}`
}

const url = process.argv[2]
if (url === undefined) throw new Error('usage: legacy-program.js <url>')
console.log(`patched before the program loaded: ${isPatched('fetch') && isPatched('timers')}`)
const start = performance.now()
const outcome = await withTimeout(0.3, () => report(url), { timeoutValue: 'timed out' })
const seconds = (performance.now() - start) / 1000
console.log(`withTimeout(0.3 s) around report(): ${outcome}, after ~${seconds.toFixed(2)} s`)
await delay(20) // a socket's close takes a turn of the event loop
// (its own stdout and stderr are pipes or a terminal: those do not count)
const open = process
  .getActiveResourcesInfo()
  .filter((kind) => !['Immediate', 'PipeWrap', 'TTYWrap'].includes(kind))
console.log(`still open: ${open.length === 0 ? 'nothing' : open.join(', ')}`)

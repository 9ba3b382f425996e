import type { ForeignHooks } from './internal/foreign.js'
import { combine } from './internal/link-signals.js'
import { readOptions, withSignal } from './internal/options.js'
import { callOwner, signalOf, trackOwner } from './internal/owner.js'
import { emptyReport, patchItem, syncESM } from './internal/registry.js'
import { CLOSE, DESTROY, track, untrackThis } from './internal/tracker.js'
import { cooperative, cooperativeIterator, withGreenletSignal } from './internal/wrap.js'
import type { PatchReport } from './patch-report.js'

type AnyFn = (this: unknown, ...args: unknown[]) => unknown
type PromiseFn = (this: unknown, ...args: unknown[]) => Promise<unknown>
interface Closable {
  close(): Promise<void>
  once(event: 'close', fn: () => void): unknown
}

/** fs/promises functions Node gives a `signal` (options index; a string there is the encoding). */
const WITH_SIGNAL: Record<string, number> = { readFile: 1, writeFile: 2, appendFile: 2 }

/** fs/promises functions without one: the greenlet is released, the call finishes in the background. */
const WITHOUT_SIGNAL = [
  'access',
  'chmod',
  'chown',
  'copyFile',
  'cp',
  'glob',
  'lchmod',
  'lchown',
  'link',
  'lstat',
  'lutimes',
  'mkdir',
  'mkdtemp',
  'readdir',
  'readlink',
  'realpath',
  'rename',
  'rm',
  'rmdir',
  'stat',
  'statfs',
  'symlink',
  'truncate',
  'unlink',
  'utimes',
]

const ignore = (): void => {}

function closeLate(handle: unknown): void {
  ;(handle as Closable).close().catch(ignore)
}

// open/opendir: the handle becomes the greenlet's (closed if it is killed); one that
// arrives after the greenlet was interrupted is closed at once, since nobody has it
function handleHooks(): ForeignHooks<unknown> {
  const g = trackOwner()
  const taken =
    g === null
      ? undefined
      : (handle: unknown) => {
          track(g, handle as object, CLOSE)
          ;(handle as Closable).once('close', untrackThis)
        }
  return taken === undefined ? { late: closeLate } : { taken, late: closeLate }
}

function patchedWatch(original: AnyFn): AnyFn {
  return function watch(this: unknown, ...args: unknown[]) {
    const g = callOwner()
    const read = g === null ? null : readOptions(args[1], true)
    if (g === null || read === null) return Reflect.apply(original, this, args)
    const { signal, link } = combine(read.caller, signalOf(g))
    const it = original.call(this, args[0], withSignal(read.base, signal))
    return cooperativeIterator(it as AsyncIterator<unknown>, 'fs/promises.watch', link)
  }
}

function trackedStream(original: AnyFn): AnyFn {
  return function createStream(this: unknown, ...args: unknown[]) {
    const stream = Reflect.apply(original, this, args) as Closable & object
    const g = trackOwner()
    if (g !== null) {
      track(g, stream, DESTROY)
      stream.once('close', untrackThis)
    }
    return stream
  }
}

/**
 * Patches `fs.promises` (the same object as `node:fs/promises`) and fs streams. Inside a
 * greenlet, `readFile`, `writeFile` and `appendFile` get its signal (Node stops them
 * between chunks); every other function releases the greenlet at once on kill or
 * Timeout while the call finishes in the background; `watch` stops. FileHandles
 * (`open`), directories (`opendir`) and `createReadStream`/`createWriteStream` streams
 * that a greenlet opened are closed if it is killed; a handle that arrives after the
 * greenlet was interrupted is closed at once. Outside greenlets nothing changes.
 *
 * @example
 * ```ts
 * import { withTimeout } from '@strand/core'
 * import { patchFs, unpatchAll } from '@strand/monkey'
 * import { readFile } from 'node:fs/promises'
 *
 * patchFs()
 * await withTimeout(0.01, () => readFile('/var/log/huge.log'), { timeoutValue: null })
 * // => null, and the read is abandoned after the current chunk
 * unpatchAll()
 * ```
 */
export function patchFs(): PatchReport {
  const report = emptyReport()
  for (const [name, index] of Object.entries(WITH_SIGNAL)) {
    patchItem(
      'fs',
      'fs/promises',
      name,
      (o: PromiseFn) => withGreenletSignal(o, index, `fs.${name}`, true),
      report,
    )
  }
  for (const name of WITHOUT_SIGNAL) {
    patchItem('fs', 'fs/promises', name, (o: PromiseFn) => cooperative(o, `fs.${name}`), report)
  }
  for (const name of ['open', 'opendir']) {
    patchItem(
      'fs',
      'fs/promises',
      name,
      (o: PromiseFn) => cooperative(o, `fs.${name}`, handleHooks),
      report,
    )
  }
  patchItem('fs', 'fs/promises', 'watch', patchedWatch, report)
  patchItem('fs', 'fs', 'createReadStream', trackedStream, report)
  patchItem('fs', 'fs', 'createWriteStream', trackedStream, report)
  syncESM()
  return report
}

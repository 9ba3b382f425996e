import { awaitForeign, raisePending } from './internal/foreign.js'
import { combine } from './internal/link-signals.js'
import { readOptions, withSignal } from './internal/options.js'
import { callOwner, signalOf } from './internal/owner.js'
import { emptyReport, patchItem, syncESM } from './internal/registry.js'
import { cooperativeIterator, withGreenletSignal } from './internal/wrap.js'
import type { PatchReport } from './patch-report.js'

type AnyFn = (this: unknown, ...args: unknown[]) => unknown
type PromiseFn = (this: unknown, ...args: unknown[]) => Promise<unknown>

function patchedOn(original: AnyFn): AnyFn {
  return function on(this: unknown, ...args: unknown[]) {
    const g = callOwner()
    const read = g === null ? null : readOptions(args[2])
    if (g === null || read === null) return Reflect.apply(original, this, args)
    const { signal, link } = combine(read.caller, signalOf(g))
    const it = original.call(this, args[0], args[1], withSignal(read.base, signal))
    return cooperativeIterator(it as AsyncIterator<unknown>, 'events.on', link)
  }
}

/** pipeline's last argument is its options when it is a plain object, as Node decides. */
function isOptions(last: unknown): boolean {
  if (last === null || typeof last !== 'object') return false
  const o = last as Record<string | symbol, unknown>
  return (
    typeof o.pipe !== 'function' &&
    typeof o.on !== 'function' &&
    typeof o.getReader !== 'function' &&
    typeof o.getWriter !== 'function' &&
    typeof o[Symbol.iterator] !== 'function' &&
    typeof o[Symbol.asyncIterator] !== 'function' &&
    !('readable' in o && 'writable' in o)
  )
}

function patchedPipeline(original: PromiseFn): PromiseFn {
  return function pipeline(this: unknown, ...streams: unknown[]) {
    const g = callOwner()
    if (g === null) return Reflect.apply(original, this, streams)
    const given = streams.length > 0 && isOptions(streams[streams.length - 1])
    const read = readOptions(given ? streams[streams.length - 1] : undefined)
    if (read === null) return Reflect.apply(original, this, streams)
    const own = signalOf(g)
    if (own.aborted) return raisePending('stream.pipeline')
    const { signal, link } = combine(read.caller, own)
    if (given) streams[streams.length - 1] = withSignal(read.base, signal)
    else streams.push({ signal })
    const p = Reflect.apply(original, this, streams)
    if (link !== null) p.then(link.unlink, link.unlink)
    return awaitForeign(p, 'stream.pipeline')
  }
}

/**
 * Patches event and stream waits. Inside a greenlet, `events.once`, each step of an
 * `events.on` iterator, `stream/promises` `pipeline` (which then destroys its streams)
 * and `finished`, and `readline/promises` `rl.question()` stop at a kill or a Timeout
 * with the greenlet's exception. Your own `signal` still works. Outside greenlets
 * nothing changes.
 *
 * @example
 * ```ts
 * import { spawn, sleep } from '@strand/core'
 * import { patchEvents, unpatchAll } from '@strand/monkey'
 * import { EventEmitter, once } from 'node:events'
 *
 * patchEvents()
 * const g = spawn(() => once(new EventEmitter(), 'never'))
 * await sleep(0.01)
 * await g.kill() // the once() listener is removed, the greenlet ends
 * unpatchAll()
 * ```
 */
export function patchEvents(): PatchReport {
  const report = emptyReport()
  patchItem(
    'events',
    'events',
    'once',
    (o: PromiseFn) => withGreenletSignal(o, 2, 'events.once'),
    report,
  )
  patchItem('events', 'events', 'on', patchedOn, report)
  patchItem('events', 'stream/promises', 'pipeline', patchedPipeline, report)
  patchItem(
    'events',
    'stream/promises',
    'finished',
    (o: PromiseFn) => withGreenletSignal(o, 1, 'stream.finished'),
    report,
  )
  patchItem(
    'events',
    'readline/promises',
    'Interface.prototype.question',
    (o: PromiseFn) => withGreenletSignal(o, 1, 'readline.question'),
    report,
  )
  syncESM()
  return report
}

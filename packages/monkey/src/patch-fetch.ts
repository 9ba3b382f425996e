import { awaitForeign, raisePending } from './internal/foreign.js'
import { combine, type SignalLink } from './internal/link-signals.js'
import { callOwner, signalOf } from './internal/owner.js'
import { emptyReport, patchItem } from './internal/registry.js'
import type { PatchReport } from './patch-report.js'

type Fetch = (this: unknown, input: unknown, init?: unknown) => Promise<Response>

// A linked signal must follow the response body too (your signal aborts a body read,
// unpatched), so it is let go when the Response is collected: undici does the same
// with the signal you pass it.
const links = new FinalizationRegistry<SignalLink>((link) => link.unlink())

/** The caller's signal: `init.signal` if given (null means none), else a Request's own. */
function callerSignal(input: unknown, init: unknown): AbortSignal | null | undefined | false {
  if (init !== undefined && init !== null) {
    if (typeof init !== 'object') return false
    if ('signal' in init) {
      const s = (init as { signal?: unknown }).signal
      if (s === null || s === undefined) return undefined
      return s instanceof AbortSignal ? s : false
    }
  }
  return input instanceof Request ? input.signal : undefined
}

function patchedFetch(original: Fetch): Fetch {
  return function fetch(this: unknown, ...args: unknown[]): Promise<Response> {
    const g = callOwner()
    if (g === null) return Reflect.apply(original, this, args)
    const [input, init] = args
    const caller = callerSignal(input, init)
    if (caller === false) return Reflect.apply(original, this, args) // fetch reports it
    const own = signalOf(g)
    if (own.aborted) return raisePending('fetch')
    const { signal, link } = combine(caller ?? undefined, own)
    const p = original.call(this, input, { ...(init as object | undefined), signal })
    if (link !== null) {
      p.then(
        (response) => links.register(response, link),
        () => link.unlink(),
      )
    }
    return awaitForeign(p, 'fetch')
  }
}

/**
 * Patches the global `fetch`. Inside a greenlet it gets the greenlet's signal
 * (combined with yours, or with a Request's own): a kill or a Timeout aborts the
 * request, including a body still being read, and the greenlet gets its exception.
 * Outside greenlets nothing changes.
 *
 * @example
 * ```ts
 * import { withTimeout } from '@strand/core'
 * import { patchFetch, unpatchAll } from '@strand/monkey'
 *
 * patchFetch()
 * // a helper that knows nothing about signals
 * const getJson = (url: string) => fetch(url).then((r) => r.json())
 * await withTimeout(2, () => getJson('http://127.0.0.1:8080/slow'))
 * // after 2 s: the Timeout, and the server sees the connection closed
 * unpatchAll()
 * ```
 */
export function patchFetch(): PatchReport {
  const report = emptyReport()
  patchItem('fetch', 'globalThis', 'fetch', patchedFetch, report)
  return report
}

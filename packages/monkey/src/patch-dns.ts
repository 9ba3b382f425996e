import dnsPromises from 'node:dns/promises'
import { awaitForeign, raisePending } from './internal/foreign.js'
import { callOwner, signalOf } from './internal/owner.js'
import { emptyReport, followOriginal, patchItem, syncESM } from './internal/registry.js'
import { cooperative } from './internal/wrap.js'
import type { PatchReport } from './patch-report.js'

type AnyFn = (this: unknown, ...args: unknown[]) => unknown
type PromiseFn = (this: unknown, ...args: unknown[]) => Promise<unknown>

/** Queries c-ares answers: each one can be cancelled with `Resolver.cancel()`. */
const QUERIES = [
  'resolve',
  'resolve4',
  'resolve6',
  'resolveAny',
  'resolveCaa',
  'resolveCname',
  'resolveMx',
  'resolveNaptr',
  'resolveNs',
  'resolvePtr',
  'resolveSoa',
  'resolveSrv',
  'resolveTxt',
  'reverse',
]

/** getaddrinfo/getnameinfo run in the thread pool and cannot be cancelled. */
const LOOKUPS = ['lookup', 'lookupService']

/**
 * Node's own query functions, bound to the default resolver. `setServers()` makes a new
 * default resolver and re-binds them, so they are looked up here at each call.
 */
const current: Record<string, PromiseFn> = {}

// The default resolver is shared: cancelling it would cancel every greenlet's queries.
// A greenlet's query gets a resolver of its own, with the default's servers.
function patchedQuery(name: string): (original: PromiseFn) => PromiseFn {
  const label = `dns.${name}`
  return (original) => {
    current[name] = original
    return function query(this: unknown, ...args: unknown[]) {
      const g = callOwner()
      if (g === null) return Reflect.apply(current[name] as PromiseFn, this, args)
      if (signalOf(g).aborted) return raisePending(label)
      const resolver = new dnsPromises.Resolver()
      resolver.setServers(dnsPromises.getServers())
      const method = (resolver as unknown as Record<string, PromiseFn>)[name] as PromiseFn
      const p = Reflect.apply(method, resolver, args)
      return awaitForeign(p, label, { interrupted: () => resolver.cancel() })
    }
  }
}

// dns.setServers() and dns.promises.setServers() re-bind the query functions, which
// would silently drop the patch: follow Node's new functions and patch them again
function patchedSetServers(original: AnyFn): AnyFn {
  return function setServers(this: unknown, ...args: unknown[]) {
    const result = Reflect.apply(original, this, args)
    let changed = false
    for (const name of QUERIES) {
      const now = followOriginal('dns/promises', name)
      if (now !== undefined) {
        current[name] = now as PromiseFn
        changed = true
      }
    }
    if (changed) syncESM()
    return result
  }
}

/**
 * Patches `dns.promises` (the same object as `node:dns/promises`). Inside a greenlet, a
 * query (`resolve*`, `reverse`) runs on a resolver of its own (with the default's
 * servers) that a kill or a Timeout cancels; `lookup` and `lookupService` (the system
 * resolver, not cancellable) release the greenlet at once and finish in the background.
 * Outside greenlets nothing changes.
 *
 * @example
 * ```ts
 * import { withTimeout } from '@strand/core'
 * import { patchDns, unpatchAll } from '@strand/monkey'
 * import { resolve4 } from 'node:dns/promises'
 *
 * patchDns()
 * await withTimeout(0.5, () => resolve4('example.com'), { timeoutValue: [] })
 * // => the addresses, or [] after 0.5 s with the query cancelled
 * unpatchAll()
 * ```
 */
export function patchDns(): PatchReport {
  const report = emptyReport()
  for (const name of QUERIES) patchItem('dns', 'dns/promises', name, patchedQuery(name), report)
  for (const name of LOOKUPS) {
    patchItem('dns', 'dns/promises', name, (o: PromiseFn) => cooperative(o, `dns.${name}`), report)
  }
  patchItem('dns', 'dns/promises', 'setServers', patchedSetServers, report)
  patchItem('dns', 'dns', 'setServers', patchedSetServers, report)
  syncESM()
  return report
}

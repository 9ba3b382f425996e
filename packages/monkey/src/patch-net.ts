import { guardConnect } from './internal/connect-guard.js'
import { combine } from './internal/link-signals.js'
import { withSignal } from './internal/options.js'
import { callOwner, signalOf, trackOwner } from './internal/owner.js'
import { emptyReport, patchItem, syncESM } from './internal/registry.js'
import { DESTROY, track, untrackThis } from './internal/tracker.js'
import type { PatchReport } from './patch-report.js'

type AnyFn = (this: unknown, ...args: unknown[]) => unknown
interface Closing {
  once(event: 'close', fn: () => void): unknown
}

function patchedConnect(done: string): (original: AnyFn) => AnyFn {
  return (original) =>
    function connect(this: unknown, ...args: unknown[]) {
      const socket = Reflect.apply(original, this, args) as object
      const g = callOwner()
      if (g === null) return socket
      const owner = trackOwner()
      if (owner !== null) {
        track(owner, socket, DESTROY)
        ;(socket as Closing).once('close', untrackThis)
      }
      guardConnect(socket, signalOf(g), done)
      return socket
    }
}

const connectNet = patchedConnect('connect')
const connectTls = patchedConnect('secureConnect')

/**
 * Where http.request's options go: `(url, options?, callback?)` or `(options, callback?)`.
 * Null for arguments Node would reject (it then reports them itself).
 */
function optionsIndex(args: unknown[]): number | null {
  const first = args[0]
  if (typeof first === 'string' || first instanceof URL) {
    const second = args[1]
    if (typeof second === 'function') {
      args.splice(1, 0, undefined) // (url, callback) → (url, options, callback)
      return 1
    }
    return second === undefined || second === null || typeof second === 'object' ? 1 : null
  }
  return first !== null && typeof first === 'object' ? 0 : null
}

function patchedRequest(original: AnyFn): AnyFn {
  return function request(this: unknown, ...args: unknown[]) {
    const g = callOwner()
    const index = g === null ? null : optionsIndex(args)
    if (g === null || index === null) return Reflect.apply(original, this, args)
    const options = args[index] as { signal?: unknown } | undefined | null
    const caller = options?.signal
    if (caller !== undefined && !(caller instanceof AbortSignal)) {
      return Reflect.apply(original, this, args)
    }
    const { signal, link } = combine(caller, signalOf(g))
    args[index] = withSignal(options ?? undefined, signal)
    const req = Reflect.apply(original, this, args) as Closing
    if (link !== null) req.once('close', link.unlink)
    return req
  }
}

/**
 * Patches sockets and HTTP clients. Inside a greenlet, `net.connect`/`createConnection`
 * and `tls.connect` sockets are destroyed if the greenlet is killed, and a connect still
 * in progress is cut short by a kill or a Timeout (the socket is destroyed with the
 * greenlet's exception). `http.request`/`get` and `https.request`/`get` get the
 * greenlet's signal (combined with yours): the request is aborted, its socket
 * destroyed. Outside greenlets nothing changes.
 *
 * @example
 * ```ts
 * import { withTimeout } from '@strand/core'
 * import { patchNet, unpatchAll } from '@strand/monkey'
 * import { once } from 'node:events'
 * import http from 'node:http'
 *
 * patchNet()
 * const req = http.get('http://127.0.0.1:8080/slow')
 * await withTimeout(1, () => once(req, 'response'))
 * // after 1 s: the request is aborted and you get the Timeout
 * unpatchAll()
 * ```
 */
export function patchNet(): PatchReport {
  const report = emptyReport()
  patchItem('net', 'net', 'connect', connectNet, report)
  patchItem('net', 'net', 'createConnection', connectNet, report)
  patchItem('net', 'tls', 'connect', connectTls, report)
  for (const module of ['http', 'https']) {
    patchItem('net', module, 'request', patchedRequest, report)
    patchItem('net', module, 'get', patchedRequest, report)
  }
  syncESM()
  return report
}

import { guardDestroy } from './internal/destroy-guard.js'
import { callOwner, signalOf, trackOwner } from './internal/owner.js'
import { emptyReport, patchItem, syncESM } from './internal/registry.js'
import { DESTROY, track, untrackThis } from './internal/tracker.js'
import type { PatchReport } from './patch-report.js'

type AnyFn = (this: unknown, ...args: unknown[]) => unknown
interface Closing {
  once(event: 'close', fn: () => void): unknown
}

function patchedConnect(connected: string): (original: AnyFn) => AnyFn {
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
      guardDestroy(socket, signalOf(g), [connected, 'close'], true)
      return socket
    }
}

const connectNet = patchedConnect('connect')
const connectTls = patchedConnect('secureConnect')

// The request is destroyed with the greenlet's interrupt itself (not through Node's
// `signal` option, which would report an AbortError); a caller's own signal is passed
// on untouched, so it aborts as it always does.
function patchedRequest(original: AnyFn): AnyFn {
  return function request(this: unknown, ...args: unknown[]) {
    const req = Reflect.apply(original, this, args)
    const g = callOwner()
    if (g !== null) guardDestroy(req, signalOf(g), ['close'])
    return req
  }
}

/**
 * Patches sockets and HTTP clients. Inside a greenlet, `net.connect`/`createConnection`
 * and `tls.connect` sockets are destroyed if the greenlet is killed, and a connect still
 * in progress is cut short by a kill or a Timeout (the socket is destroyed with the
 * greenlet's exception). An `http.request`/`get` or `https.request`/`get` made in a
 * greenlet is destroyed with the greenlet's exception when it is killed or a Timeout
 * fires before the request is over (its socket too); your own `signal` works as
 * always. Outside greenlets nothing changes.
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

/**
 * Monkey patching for Strand: inside a greenlet, Node's own async IO (timers, fs,
 * sockets, http, dns, fetch, child processes, event and stream waits) stops when that
 * greenlet is killed or its Timeout fires, and what it opened is closed when it is
 * killed. Outside greenlets everything behaves exactly as unpatched.
 * @module
 */

export { type BlockingWatchdog, detectBlocking } from './detect-blocking.js'
export { EventLoopBlocked } from './errors.js'
export { getOriginal, isPatched, type PatchOptions, patchAll, unpatchAll } from './patch-all.js'
export { patchChildProcess } from './patch-child-process.js'
export { patchDns } from './patch-dns.js'
export { patchEvents } from './patch-events.js'
export { patchFetch } from './patch-fetch.js'
export { patchFs } from './patch-fs.js'
export { patchNet } from './patch-net.js'
export type { PatchReport, PatchTarget } from './patch-report.js'
export { patchTimers } from './patch-timers.js'

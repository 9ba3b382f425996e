import { describe } from '@strand/core/internal'
import { type BlockingWatchdog, checkThreshold, detectBlocking } from './detect-blocking.js'
import {
  emptyReport,
  moduleKey,
  restoreAll,
  savedOriginal,
  targetPatched,
} from './internal/registry.js'
import { patchChildProcess } from './patch-child-process.js'
import { patchDns } from './patch-dns.js'
import { patchEvents } from './patch-events.js'
import { patchFetch } from './patch-fetch.js'
import { patchFs } from './patch-fs.js'
import { patchNet } from './patch-net.js'
import type { PatchReport, PatchTarget } from './patch-report.js'
import { TARGETS } from './patch-report.js'
import { patchTimers } from './patch-timers.js'

/** Options of {@link patchAll}: every target is on unless set to false. */
export interface PatchOptions {
  timers?: boolean
  fs?: boolean
  net?: boolean
  dns?: boolean
  fetch?: boolean
  childProcess?: boolean
  events?: boolean
  /** Seconds: start a blocking watchdog with this threshold ({@link detectBlocking}). Off by default. */
  detectBlocking?: number | false
}

const PATCHERS: Record<PatchTarget, () => PatchReport> = {
  timers: patchTimers,
  fs: patchFs,
  net: patchNet,
  dns: patchDns,
  fetch: patchFetch,
  childProcess: patchChildProcess,
  events: patchEvents,
}

let watchdog: BlockingWatchdog | null = null

function checkPatchOptions(opts: unknown): PatchOptions {
  if (opts === undefined) return {}
  if (typeof opts !== 'object' || opts === null) {
    throw new TypeError(`Expected \`opts\` to be an options object, got ${describe(opts)}`)
  }
  const o = opts as Record<string, unknown>
  for (const target of TARGETS) {
    const v = o[target]
    if (v !== undefined && typeof v !== 'boolean') {
      throw new TypeError(`Expected \`${target}\` to be a boolean, got ${describe(v)}`)
    }
  }
  return o as PatchOptions
}

/**
 * Patches Node's own async IO so that, inside a greenlet, it stops when that greenlet
 * is killed or its Timeout fires, and what the greenlet opened is closed when it is
 * killed — without the caller passing anything (gevent's `monkey.patch_all()`). Call it
 * first, before the modules that import Node's APIs load; or start Node with
 * `node --import @strand/monkey/register app.js`.
 *
 * Patching is idempotent (a second call reports what was patched already and never
 * loses an original) and reversible ({@link unpatchAll}). Outside greenlets every
 * patched call behaves exactly as unpatched. ESM named imports of the built-ins see the
 * patches (`module.syncBuiltinESMExports()`), whether imported before or after.
 *
 * @throws TypeError for a non-object `opts` or a non-boolean switch; TypeError/RangeError
 * for a `detectBlocking` that is not a number of seconds above 0.
 * @example
 * ```ts
 * import { withTimeout } from '@strand/core'
 * import { patchAll, unpatchAll } from '@strand/monkey'
 *
 * const report = patchAll()
 * report.patched.includes('globalThis.fetch') // => true
 * await withTimeout(2, () => fetch('http://127.0.0.1:8080/slow'))
 * // the request really stops after 2 s
 * unpatchAll()
 * ```
 */
export function patchAll(opts?: PatchOptions): PatchReport {
  const o = checkPatchOptions(opts)
  const blocking = o.detectBlocking
  const starts = blocking !== undefined && blocking !== false
  // validated before anything is patched; a running watchdog stays (there is one)
  if (starts) {
    const threshold = checkThreshold(blocking)
    watchdog ??= detectBlocking(threshold)
  }
  const report = emptyReport()
  for (const target of TARGETS) {
    if (o[target] === false) continue
    const r = PATCHERS[target]()
    report.patched.push(...r.patched)
    report.alreadyPatched.push(...r.alreadyPatched)
    report.unavailable.push(...r.unavailable)
  }
  if (starts && watchdog !== null) report.detectBlocking = watchdog.threshold
  return report
}

/**
 * Undoes every patch: each original is put back (the very same function objects), ESM
 * named imports are synced again, and the blocking watchdog stops.
 *
 * @example
 * ```ts
 * import { getOriginal, patchAll, unpatchAll } from '@strand/monkey'
 * import fs from 'node:fs/promises'
 *
 * const original = fs.readFile
 * patchAll()
 * fs.readFile === original // => false
 * unpatchAll()
 * fs.readFile === original // => true
 * ```
 */
export function unpatchAll(): void {
  restoreAll()
  watchdog?.stop()
  watchdog = null
}

/**
 * True while `target` is patched (by {@link patchAll} or its own patch function) and
 * not undone.
 *
 * @example
 * ```ts
 * import { isPatched, patchFetch, unpatchAll } from '@strand/monkey'
 *
 * isPatched('fetch') // => false
 * patchFetch()
 * isPatched('fetch') // => true
 * unpatchAll()
 * ```
 */
export function isPatched(target: PatchTarget): boolean {
  if (!TARGETS.includes(target)) {
    throw new TypeError(
      `Expected \`target\` to be one of ${TARGETS.map((t) => `'${t}'`).join(', ')}, got ${describe(target)}`,
    )
  }
  return targetPatched(target)
}

// `fs` + `promises.readFile` is the same property as `fs/promises` + `readFile`
const PROMISES_OF: Record<string, string> = {
  fs: 'fs/promises',
  dns: 'dns/promises',
  timers: 'timers/promises',
  stream: 'stream/promises',
}

/**
 * The original of a patched function, as saved when it was first patched; or what is
 * there now if it was never patched (gevent's `get_original`). `module` is named as you
 * import it, with or without `node:`, or `'globalThis'` for globals; `name` may be a
 * path: `getOriginal('timers/promises', 'scheduler.wait')`,
 * `getOriginal('fs', 'promises.readFile')`.
 *
 * @example
 * ```ts
 * import { getOriginal, patchAll, unpatchAll } from '@strand/monkey'
 *
 * const fetch0 = globalThis.fetch
 * patchAll()
 * getOriginal('globalThis', 'fetch') === fetch0 // => true
 * unpatchAll()
 * ```
 */
export function getOriginal(module: string, name: string): unknown {
  if (typeof module !== 'string') {
    throw new TypeError(`Expected \`module\` to be a module name, got ${describe(module)}`)
  }
  if (typeof name !== 'string') {
    throw new TypeError(`Expected \`name\` to be a property name, got ${describe(name)}`)
  }
  const key = moduleKey(module)
  const promises = PROMISES_OF[key]
  if (promises !== undefined && name.startsWith('promises.')) {
    return savedOriginal(promises, name.slice('promises.'.length))
  }
  return savedOriginal(key, name)
}

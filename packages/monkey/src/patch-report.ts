/** What {@link patchAll} can patch, one switch each. */
export type PatchTarget = 'timers' | 'fs' | 'net' | 'dns' | 'fetch' | 'childProcess' | 'events'

/** Every target, in the order {@link patchAll} applies them. */
export const TARGETS: readonly PatchTarget[] = [
  'timers',
  'fs',
  'net',
  'dns',
  'fetch',
  'childProcess',
  'events',
]

/**
 * What a patch call did, item by item, each named `module.name` as you would import it:
 * `'fs/promises.readFile'`, `'globalThis.fetch'`, `'timers/promises.scheduler.wait'`.
 *
 * @example
 * ```ts
 * import { patchAll, unpatchAll } from '@strand/monkey'
 *
 * const report = patchAll({ fetch: true, timers: false, fs: false, net: false, dns: false, childProcess: false, events: false })
 * report.patched // => ['globalThis.fetch']
 * patchAll().alreadyPatched.includes('globalThis.fetch') // => true
 * unpatchAll()
 * ```
 */
export interface PatchReport {
  /** Patched by this call. */
  patched: string[]
  /** Patched by an earlier call and left as it is (patching again never loses the original). */
  alreadyPatched: string[]
  /** Not there on this Node version (or not a replaceable function), so not patched. */
  unavailable: string[]
  /** With `detectBlocking`: the running watchdog's threshold in seconds (a second call keeps the first watchdog); else null. */
  detectBlocking: number | null
}

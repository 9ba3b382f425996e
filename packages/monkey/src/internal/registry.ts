import { syncBuiltinESMExports } from 'node:module'
import type { PatchReport, PatchTarget } from '../patch-report.js'
import { holderOf } from './modules.js'

/** One patched property: where it lives, what was there, what we put there. */
interface Saved {
  target: PatchTarget
  holder: object
  key: string
  /** The property as it was (undefined: it was inherited, not own). */
  descriptor: PropertyDescriptor | undefined
  original: unknown
  replacement: unknown
}

/** `module:name` → what was saved. The first save wins: patching again never loses the original. */
const saved = new Map<string, Saved>()
const patchedTargets = new Set<PatchTarget>()

/** Normalizes `node:fs` to `fs`. */
export function moduleKey(module: string): string {
  return module.startsWith('node:') ? module.slice(5) : module
}

/** The report of one patch call, filled as items are patched. */
export function emptyReport(): PatchReport {
  return { patched: [], alreadyPatched: [], unavailable: [], detectBlocking: null }
}

/**
 * Replaces `module`'s `name` (a dotted path such as `scheduler.wait`) with
 * `make(original)`, saving the original. Something missing on this Node version is
 * reported as unavailable; something Strand patched already is left as it is.
 */
export function patchItem(
  target: PatchTarget,
  module: string,
  name: string,
  make: (original: never) => unknown,
  report: PatchReport,
): void {
  const label = `${module}.${name}`
  const at = holderOf(module, name)
  if (at === undefined) {
    report.unavailable.push(label)
    return
  }
  const { holder, key } = at
  const current = (holder as Record<string, unknown>)[key]
  const known = saved.get(`${module}:${name}`)
  if (known !== undefined && current === known.replacement) {
    report.alreadyPatched.push(label)
    return
  }
  if (typeof current !== 'function') {
    report.unavailable.push(label)
    return
  }
  const descriptor = Object.getOwnPropertyDescriptor(holder, key)
  if (descriptor !== undefined && !('value' in descriptor && descriptor.writable !== false)) {
    report.unavailable.push(label) // an accessor or a read-only property: not ours to replace
    return
  }
  const original = known?.original ?? current
  const replacement = madeFrom(make, original as Function)
  Object.defineProperty(holder, key, {
    value: replacement,
    writable: true,
    enumerable: descriptor?.enumerable ?? false,
    configurable: true,
  })
  saved.set(`${module}:${name}`, {
    target,
    holder,
    key,
    descriptor: known?.descriptor ?? descriptor,
    original,
    replacement,
  })
  patchedTargets.add(target)
  report.patched.push(label)
}

const made = new WeakMap<Function, WeakMap<Function, unknown>>()

// One replacement per original and factory: `globalThis.setTimeout` and `timers.setTimeout`
// are one function, and stay one when patched.
function madeFrom(make: (original: never) => unknown, original: Function): unknown {
  let byOriginal = made.get(make)
  if (byOriginal === undefined) made.set(make, (byOriginal = new WeakMap()))
  let replacement = byOriginal.get(original)
  if (replacement === undefined) {
    replacement = make(original as never)
    copyShape(replacement as Function, original)
    byOriginal.set(original, replacement)
  }
  return replacement
}

// A patched function looks like the original to code that inspects it: fn.name,
// fn.length, and its own symbol-keyed properties (util.promisify.custom) unless the
// patch defines its own.
function copyShape(replacement: Function, original: Function): void {
  Object.defineProperty(replacement, 'name', { value: original.name, configurable: true })
  Object.defineProperty(replacement, 'length', { value: original.length, configurable: true })
  for (const key of Object.getOwnPropertySymbols(original)) {
    if (Object.hasOwn(replacement, key)) continue
    const d = Object.getOwnPropertyDescriptor(original, key)
    if (d !== undefined) Object.defineProperty(replacement, key, d)
  }
}

/** Makes ESM named imports of the built-ins (`import { readFile } from 'node:fs/promises'`) see the change. */
export function syncESM(): void {
  syncBuiltinESMExports()
}

/** Puts every original back (the very same objects), forgets them, and syncs ESM imports. */
export function restoreAll(): void {
  for (const s of [...saved.values()].reverse()) {
    if (s.descriptor === undefined) delete (s.holder as Record<string, unknown>)[s.key]
    else Object.defineProperty(s.holder, s.key, s.descriptor)
  }
  saved.clear()
  patchedTargets.clear()
  syncBuiltinESMExports()
}

/** True while `target` was patched and not undone. */
export function targetPatched(target: PatchTarget): boolean {
  return patchedTargets.has(target)
}

/** The saved original of `module`'s `name`, or what is there now if it was never patched. */
export function savedOriginal(module: string, name: string): unknown {
  const key = moduleKey(module)
  const s = saved.get(`${key}:${name}`)
  if (s !== undefined) return s.original
  const at = holderOf(key, name)
  return at === undefined ? undefined : (at.holder as Record<string, unknown>)[at.key]
}

/**
 * Node replaced a patched property with a new original of its own (dns `setServers()`
 * re-binds every query function to a new default resolver): remember the new one as the
 * original, put the replacement back, and return the new original. Undefined if
 * `module.name` is not patched or was not replaced.
 */
export function followOriginal(module: string, name: string): unknown {
  const s = saved.get(`${module}:${name}`)
  if (s === undefined) return undefined
  const now = (s.holder as Record<string, unknown>)[s.key]
  if (now === s.replacement) return undefined
  s.original = now
  s.descriptor = Object.getOwnPropertyDescriptor(s.holder, s.key)
  Object.defineProperty(s.holder, s.key, {
    value: s.replacement,
    writable: true,
    enumerable: s.descriptor?.enumerable ?? false,
    configurable: true,
  })
  return now
}

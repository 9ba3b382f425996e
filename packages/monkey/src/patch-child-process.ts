import type { ChildProcess } from 'node:child_process'
import { promisify } from 'node:util'
import { ChildGuard, killOptions } from './internal/child-guard.js'
import { awaitForeign } from './internal/foreign.js'
import { readOptions } from './internal/options.js'
import { callOwner, signalOf } from './internal/owner.js'
import { emptyReport, patchItem, syncESM } from './internal/registry.js'
import type { PatchReport } from './patch-report.js'

type AnyFn = (this: unknown, ...args: unknown[]) => unknown
type Callback = (err: unknown, ...rest: unknown[]) => void
type Parsed = { head: unknown[]; options: unknown; callback: Callback | undefined }

/** exec(command, options?, callback?) */
function parseExec(args: unknown[]): Parsed | null {
  const [command, a, b] = args
  if (typeof a === 'function')
    return { head: [command], options: undefined, callback: a as Callback }
  if (b !== undefined && typeof b !== 'function') return null
  return { head: [command], options: a, callback: b as Callback | undefined }
}

/** execFile(file, args?, options?, callback?), parsed the way Node parses it. */
function parseExecFile(args: unknown[]): Parsed | null {
  let pos = 1
  let argv: unknown
  let options: unknown
  let callback: Callback | undefined
  if (pos < args.length && Array.isArray(args[pos])) argv = args[pos++]
  else if (pos < args.length && args[pos] == null) pos++
  if (pos < args.length && typeof args[pos] === 'object') options = args[pos++]
  else if (pos < args.length && args[pos] == null) pos++
  if (pos < args.length && typeof args[pos] === 'function') callback = args[pos++] as Callback
  if (callback === undefined && pos < args.length && args[pos] != null) return null
  return { head: [args[0], argv], options, callback }
}

/** An exec-style call in greenlet territory: where its options and callback are. */
function prepare(parse: (args: unknown[]) => Parsed | null, args: unknown[]) {
  const g = callOwner()
  if (g === null) return null
  const parsed = parse(args)
  if (parsed === null || readOptions(parsed.options) === null) return null
  const { killSignal, detached } = killOptions(parsed.options)
  return { parsed, guard: new ChildGuard(signalOf(g), killSignal, detached) }
}

// the callback sees the greenlet's exception, as the greenlet would at a Strand wait
function mapCallback(callback: Callback | undefined, guard: ChildGuard): Callback | undefined {
  if (callback === undefined) return undefined
  return function (this: unknown, err: unknown, ...rest: unknown[]) {
    const mapped = err !== null && err !== undefined && guard.stopped ? guard.stoppedBy : err
    return Reflect.apply(callback, this, [mapped, ...rest])
  }
}

function patchedExec(parse: (args: unknown[]) => Parsed | null, label: string) {
  return (original: AnyFn): AnyFn => {
    const patched = function exec(this: unknown, ...args: unknown[]) {
      const p = prepare(parse, args)
      if (p === null) return Reflect.apply(original, this, args)
      const { parsed, guard } = p
      const cb = mapCallback(parsed.callback, guard)
      const child = Reflect.apply(original, this, [...parsed.head, parsed.options, cb])
      guard.attach(child as ChildProcess)
      return child
    }
    const custom = (original as unknown as Record<symbol, AnyFn | undefined>)[promisify.custom]
    if (custom !== undefined) {
      Object.defineProperty(patched, promisify.custom, {
        value: function execAsync(this: unknown, ...args: unknown[]) {
          const p = prepare(parse, args)
          if (p === null) return Reflect.apply(custom, this, args)
          const result = Reflect.apply(custom, this, args) as Promise<unknown> & {
            child: ChildProcess
          }
          p.guard.attach(result.child)
          const waited = awaitForeign(result, label) as typeof result
          waited.child = result.child
          return waited
        },
        enumerable: false,
        configurable: true,
        writable: true,
      })
    }
    return patched
  }
}

/** spawn(command, args?, options?) / fork(modulePath, args?, options?): where options are. */
function spawnOptions(args: unknown[]): unknown {
  const a = args[1]
  if (Array.isArray(a) || a == null) return args[2]
  return typeof a === 'object' ? a : undefined
}

// spawn/fork keep their arguments as they are (so Node validates them as always); the
// guard kills the child itself, so no `error` event appears that you did not ask for
function patchedSpawn(original: AnyFn): AnyFn {
  return function spawn(this: unknown, ...args: unknown[]) {
    const child = Reflect.apply(original, this, args) as ChildProcess
    const g = callOwner()
    if (g === null) return child
    const { killSignal, detached } = killOptions(spawnOptions(args))
    new ChildGuard(signalOf(g), killSignal, detached).attach(child)
    return child
  }
}

/**
 * Patches `child_process`. A child started inside a greenlet by `exec`, `execFile`,
 * `spawn` or `fork` (and the promisified `exec`/`execFile`) is killed with its
 * `killSignal` when the greenlet is killed or a Timeout fires against it, and so is
 * what it started: its process group if it was `detached`, else (on Linux) its
 * descendants, so a shell's command is not left orphaned. exec's callback and the
 * promisified forms give the greenlet's exception. Your own `signal` still works.
 * Outside greenlets nothing changes.
 *
 * @example
 * ```ts
 * import { withTimeout } from '@strand/core'
 * import { patchChildProcess, unpatchAll } from '@strand/monkey'
 * import { exec } from 'node:child_process'
 * import { promisify } from 'node:util'
 *
 * patchChildProcess()
 * await withTimeout(0.1, () => promisify(exec)('sleep 10'), { timeoutValue: 'stopped' })
 * // => 'stopped', and neither the shell nor its sleep is running any more
 * unpatchAll()
 * ```
 */
export function patchChildProcess(): PatchReport {
  const report = emptyReport()
  patchItem(
    'childProcess',
    'child_process',
    'exec',
    patchedExec(parseExec, 'child_process.exec'),
    report,
  )
  patchItem(
    'childProcess',
    'child_process',
    'execFile',
    patchedExec(parseExecFile, 'child_process.execFile'),
    report,
  )
  patchItem('childProcess', 'child_process', 'spawn', patchedSpawn, report)
  patchItem('childProcess', 'child_process', 'fork', patchedSpawn, report)
  syncESM()
  return report
}

import type { Greenlet } from './greenlet.js'
import type { WaitResource } from './internal/wait-list.js'

/**
 * One step of a hub's schedule, told to the `trace` option of `new Hub()`.
 * - `spawn`: `greenlet` was started by `parent` (it runs later, at its `start`);
 * - `start`: `greenlet` runs for the first time;
 * - `wait`: `greenlet` parks on a wait labelled `label` (in the list of `resource`, when
 *   its primitive names one; `seconds` is its own timeout), or yields with `sleep(0)`;
 * - `resume`: a wait labelled `label` ends and its greenlet continues (with `error`
 *   raised there when `failed`); `greenlet` is null for a wait that belongs to nobody
 *   (the promise of `kill()`); a `sleep(0)` resumes with the label `"sleep(0)"`;
 * - `callback`: the hub runs a callback (a rawlink, an error report), by function name.
 *
 * @example
 * ```ts
 * import { Hub, VirtualClock, type TraceEvent } from '@strand/core'
 *
 * const steps: string[] = []
 * const hub = new Hub({
 *   clock: new VirtualClock(),
 *   trace: (e: TraceEvent) => steps.push(e.kind === 'resume' ? `${e.greenlet?.name} after ${e.label}` : e.kind),
 * })
 * // run a program on it with installHub(hub): steps => ['spawn', 'start', 'Greenlet-1 after sleep', …]
 * ```
 */
export type TraceEvent =
  | { readonly kind: 'spawn'; readonly greenlet: Greenlet; readonly parent: Greenlet }
  | { readonly kind: 'start'; readonly greenlet: Greenlet }
  | {
      readonly kind: 'wait'
      readonly greenlet: Greenlet
      readonly label: string
      readonly resource: WaitResource | null
      readonly seconds: number | null
    }
  | {
      readonly kind: 'resume'
      readonly greenlet: Greenlet | null
      readonly label: string
      readonly failed: boolean
      readonly error: unknown
    }
  | { readonly kind: 'callback'; readonly name: string }

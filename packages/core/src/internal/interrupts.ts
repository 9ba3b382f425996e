import { DEAD, type Task } from './task.js'

/** The source of an interrupt raised by kill(): it outranks every Timeout. */
export const KILL = Symbol('kill')

/**
 * A scope an interrupt can cut short: a started Timeout. `order` is when it started
 * (an outer scope has a smaller order than the scopes nested inside it).
 */
export interface InterruptScope {
  readonly order: number
  /** The work under it is cut short: abort its signal with `reason`. */
  abortScope(reason: unknown): void
  /** Its task died: disarm (a Timeout that can raise nothing must not hold the loop). */
  cancel(): void
}

/**
 * Told once of a task's next interrupt (kill or Timeout), when it is raised: what an
 * abort signal does, without an AbortController and its listener per task.
 */
export interface InterruptWatcher {
  interrupted(error: unknown): void
}

/** An interrupt a task has not received yet (it was busy, or awaiting a foreign promise). */
export interface Interrupt {
  readonly error: unknown
  readonly source: unknown
  readonly order: number
  next: Interrupt | null
}

let clock = 0

/** A fresh order number: scopes take one when they start, other interrupts when raised. */
export function nextOrder(): number {
  return ++clock
}

function orderOf(source: unknown): number {
  if (source === KILL) return Number.NEGATIVE_INFINITY
  const order = (source as { order?: unknown } | null)?.order
  return typeof order === 'number' ? order : nextOrder()
}

/**
 * Keeps an interrupt for the task's next wait. Pending interrupts never overwrite each
 * other: when several wait, the next wait raises the strongest — a kill, else the
 * outermost Timeout — and the others stay until their own scope takes them back
 * ({@link dropPending}) on its way out. So an inner timeout never hides an outer one.
 * One per source: a kill while a kill is pending adds nothing (the first one's
 * exception is raised), so the list stays as short as the scopes are deep.
 */
export function addPending(task: Task, error: unknown, source: unknown): void {
  let last: Interrupt | null = null
  for (let e = task.pending; e !== null; e = e.next) {
    if (e.source === source) return // one per source: a second kill adds nothing to the first
    last = e
  }
  const entry: Interrupt = { error, source, order: orderOf(source), next: null }
  if (last === null) task.pending = entry
  else last.next = entry
}

/** Removes and returns the strongest pending interrupt's exception; call only when one is pending. */
export function takePending(task: Task): unknown {
  let best = task.pending as Interrupt
  let bestPrev: Interrupt | null = null
  for (let prev = best, e = best.next; e !== null; prev = e, e = e.next) {
    if (e.order < best.order) {
      best = e
      bestPrev = prev
    }
  }
  if (bestPrev === null) task.pending = best.next
  else bestPrev.next = best.next
  freshSignalOnceDelivered(task)
  return best.error
}

// A signal born aborted because an interrupt was pending has served once that interrupt
// is delivered or taken back: the next one asked for is fresh (else every later call
// given the signal would fail at once).
function freshSignalOnceDelivered(task: Task): void {
  const x = task.x
  if (task.pending === null && x !== null && x.interrupt?.signal.aborted === true)
    x.interrupt = null
}

/** Takes back every pending interrupt raised by `source` (a cancelled Timeout, a closed scope). */
export function dropPending(task: Task, source: unknown): void {
  let prev: Interrupt | null = null
  for (let e = task.pending; e !== null; e = e.next) {
    if (e.source !== source) prev = e
    else if (prev === null) task.pending = e.next
    else prev.next = e.next
  }
  freshSignalOnceDelivered(task)
}

/**
 * The task's interrupt signal: aborted at its next interrupt. Born aborted while an
 * interrupt is pending, and for a task that died killed.
 */
export function interruptSignal(task: Task): AbortSignal {
  const x = task.extras()
  if (x.interrupt === null) {
    const controller = new AbortController()
    x.interrupt = controller
    if (task.pending !== null) controller.abort(task.pending.error)
    else if (task.state === DEAD && x.killedWith !== undefined) controller.abort(x.killedWith)
  }
  return x.interrupt.signal
}

/**
 * Tells `watcher` of the task's next interrupt. Told at once while an interrupt is pending
 * or if the task died killed, as the interrupt signal is born aborted then.
 */
export function watchInterrupt(task: Task, watcher: InterruptWatcher): void {
  if (task.pending !== null) {
    watcher.interrupted(task.pending.error)
    return
  }
  const x = task.extras()
  if (task.state === DEAD && x.killedWith !== undefined) watcher.interrupted(x.killedWith)
  else (x.watchers ??= new Set()).add(watcher)
}

/** `watcher` no longer wants to be told. */
export function unwatchInterrupt(task: Task, watcher: InterruptWatcher): void {
  task.x?.watchers?.delete(watcher)
}

/**
 * An interrupt was raised into `task`: abort its interrupt signal (a fresh one is made
 * on next use) and the signals of the scopes it cuts short — all of them for a kill,
 * for a Timeout that one and the scopes nested inside it.
 */
export function abortForInterrupt(task: Task, error: unknown, source: unknown): void {
  const x = task.extras()
  x.lastInterrupt = error
  const scopes = x.scopes
  if (scopes !== null && scopes.length > 0) {
    const from = source === KILL ? 0 : scopes.indexOf(source as InterruptScope)
    if (from >= 0) for (const scope of scopes.slice(from)) scope.abortScope(error)
  }
  const controller = x.interrupt
  if (controller !== null) {
    x.interrupt = null
    controller.abort(error)
  }
  const watchers = x.watchers
  if (watchers !== null && watchers.size > 0) {
    x.watchers = null
    for (const w of watchers) w.interrupted(error)
  }
}

/** A Timeout started against `task`. */
export function enterScope(task: Task, scope: InterruptScope): void {
  ;(task.extras().scopes ??= []).push(scope)
}

/** A Timeout cancelled or fired. */
export function leaveScope(task: Task, scope: InterruptScope): void {
  const scopes = task.x?.scopes
  if (scopes == null || scopes.length === 0) return
  if (scopes[scopes.length - 1] === scope) scopes.pop()
  else {
    const i = scopes.indexOf(scope)
    if (i >= 0) scopes.splice(i, 1)
  }
}

/** The task died: its Timeouts can raise nothing any more. */
export function releaseScopes(task: Task): void {
  const x = task.x
  if (x === null || x.scopes === null) return
  const scopes = x.scopes
  x.scopes = null
  for (const scope of scopes) scope.cancel()
}

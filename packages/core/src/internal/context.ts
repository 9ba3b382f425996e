import { promiseHooks } from 'node:v8'
import type { Task } from './task.js'

/**
 * Which task (greenlet) is running, carried across `await` by V8's promise hooks.
 *
 * Every promise records the greenlet that created it (`init`); when a reaction of that
 * promise runs — the continuation after an `await`, a `.then` callback — that greenlet is
 * current again (`before`), and nobody is once it returns (`after`). This is what
 * AsyncLocalStorage does on Node 20, minus its bookkeeping for every other kind of async
 * resource, which costs about twice as much per promise. Code run from a timer or an
 * event emitter callback counts as the main greenlet; anything it awaits counts as
 * whoever awaits it.
 *
 * The hooks cost every promise in the process a little, also promises of code that
 * never touches Strand, so they are on only while greenlets are alive: installed when
 * the first one starts, removed once none has been alive for a whole event-loop turn.
 */
const TASK = Symbol('strand.task')

let current: Task | null = null
let stopHooks: (() => void) | null = null
/** True while a promise reaction runs (between the before and after hooks). */
let inReaction = false
/** Called once the current reaction ends, if set (the ready queue settling its waiters). */
let atReactionEnd: (() => void) | null = null

/** True when the running code is a promise reaction, which {@link onReactionEnd} can follow. */
export function inPromiseReaction(): boolean {
  return inReaction
}

/** Runs `fn` as soon as the current promise reaction ends (one callback at a time). */
export function onReactionEnd(fn: () => void): void {
  atReactionEnd = fn
}

/** The running task, or null outside any spawned greenlet. */
export function currentTask(): Task | null {
  return current
}

/** Makes `task` current for synchronous code that follows (the hub starting a greenlet). */
export function enterTask(task: Task | null): void {
  current = task
}

/** Live tasks of every hub in the thread (tools run programs on hubs of their own). */
let liveTasks = 0

/** A task of some hub starts: the hooks go on with the first one. */
export function taskStarted(): void {
  if (liveTasks++ === 0) installContextHooks()
}

/** A task of some hub ended; true when no task of any hub is alive. */
export function taskEnded(): boolean {
  return --liveTasks === 0
}

/** True while a task of some hub is alive. */
export function anyTaskAlive(): boolean {
  return liveTasks > 0
}

/** Installs the hooks unless they are on (a greenlet is about to run). */
export function installContextHooks(): void {
  if (stopHooks !== null) return
  const stops = [
    promiseHooks.onInit(onInit),
    promiseHooks.onBefore(onBefore),
    promiseHooks.onAfter(onAfter),
  ]
  stopHooks = () => {
    for (const stop of stops) stop()
  }
}

/** Removes the hooks (no greenlet is alive): promises cost what they cost without Strand. */
export function removeContextHooks(): void {
  if (stopHooks === null) return
  stopHooks()
  stopHooks = null
  current = null
  inReaction = false
}

/** True while the hooks are installed. */
export function contextHooksInstalled(): boolean {
  return stopHooks !== null
}

// Outside greenlets nothing is stored: an untagged promise runs its reactions as main,
// and a promise without the extra property costs no property store (nor, in V8, a
// property array) — code that never touches Strand pays only for the call.
function onInit(promise: Promise<unknown>): void {
  if (skipNext) skipNext = false
  else if (current !== null) (promise as unknown as Record<symbol, Task | null>)[TASK] = current
}

let skipNext = false

/**
 * `new Promise(executor)` without the task tag, for the kernel's own promises (a wait's,
 * sleep(0)'s). V8 runs reactions on the promises derived from them (an `await`'s, a
 * `then`'s), which are tagged; the tag of the base promise is read only when it is resolved
 * with a thenable, which these never are. One property array less per wait.
 */
export function untaggedPromise<T>(
  executor: (resolve: (value: T) => void, reject: (reason: unknown) => void) => void,
): Promise<T> {
  skipNext = true
  const promise = new Promise<T>(executor)
  skipNext = false // the hooks may be off: nothing took the flag
  return promise
}

function onBefore(promise: Promise<unknown>): void {
  current = (promise as unknown as Record<symbol, Task | null>)[TASK] ?? null
  inReaction = true
}

function onAfter(): void {
  current = null
  inReaction = false
  const fn = atReactionEnd
  if (fn !== null) {
    atReactionEnd = null
    fn()
  }
}

import { inspect } from 'node:util'
import { getHub, Timeout, type Waitable } from '@strand/core'
import {
  checkOptions,
  checkSeconds,
  Links,
  SETTLED,
  type Waiter,
  WaitList,
  type WaitOwner,
  waitingCount,
} from '@strand/core/internal'

const UNSET = 0
const VALUE = 1
const ERROR = 2

/** `waiter.data` of a get() waiter (the others are wait() waiters). */
const GET = 1
const GET_OWNER: WaitOwner = { onTimeout: (w) => getHub().fail(w, new Timeout(w.seconds)) }
const WAIT_OWNER: WaitOwner = { onTimeout: (w) => getHub().wake(w, undefined) }

/** Something that ended with a value or an exception, such as a Greenlet. */
// biome-ignore lint/correctness/noUnusedVariables: T documents what `value` holds when successful
export interface Outcome<T> {
  successful(): boolean
  /** The value when successful (a killed greenlet's is its GreenletExit). */
  readonly value: unknown
  readonly exception: unknown
}

/**
 * A one-value cell that greenlets wait on: a value or an exception, set once by a
 * producer and read by any number of consumers. gevent's `gevent.event.AsyncResult`.
 *
 * It is deliberately not thenable (`await ar` would not wait): use {@link AsyncResult.get}
 * for the value or the exception, {@link AsyncResult.wait} to wait without throwing.
 * Setting it again replaces the outcome for later readers (see the README); waiters
 * already woken keep what they got. `set()` never switches; waiters run after you next
 * wait, in the order they started waiting.
 *
 * @example
 * ```ts
 * import { AsyncResult } from '@strand/event'
 * import { spawn } from '@strand/core'
 *
 * const result = new AsyncResult<number>()
 * spawn(() => result.set(42))
 * console.log(await result.get()) // => 42
 * ```
 */
export class AsyncResult<T = unknown> implements Waitable {
  private state = UNSET
  private _value: T | undefined = undefined
  private _exception: unknown = undefined
  private readonly waiters = new WaitList()
  private lastWoken: Waiter | null = null
  private links: Links | null = null

  /** The value once set successfully, else `undefined`. */
  get value(): T | undefined {
    return this._value
  }

  /** The exception given to {@link AsyncResult.setException}, else `undefined`. */
  get exception(): unknown {
    return this._exception
  }

  /** True once it holds a value or an exception. */
  ready(): boolean {
    return this.state !== UNSET
  }

  /** True once it holds a value (not an exception). */
  successful(): boolean {
    return this.state === VALUE
  }

  /**
   * Stores `value` and wakes every waiter: `get()` and `wait()` resolve with it. Setting
   * again replaces the outcome (value and exception) for later readers. Never switches.
   */
  set(value?: T): void {
    this._value = value
    this._exception = undefined
    this.state = VALUE
    this.notify()
  }

  /**
   * Stores `error` and wakes every waiter: `get()` rejects with it, `wait()` resolves
   * `undefined`. Replaces an earlier value for later readers. Never switches.
   */
  setException(error: unknown): void {
    this._value = undefined
    this._exception = error
    this.state = ERROR
    this.notify()
  }

  /**
   * The value, waiting for it if needed; rejects with the stored exception.
   * Rejects with a {@link Timeout} when `timeout` seconds pass first, or at once with
   * `block: false` when it is not ready. A kill or Timeout aimed at your greenlet
   * rejects it with that exception.
   *
   * @throws TypeError/RangeError (synchronously) for a bad `timeout`.
   * @example
   * ```ts
   * import { AsyncResult } from '@strand/event'
   *
   * await new AsyncResult().get({ timeout: 0.01 }).catch((e) => e.name) // => 'Timeout'
   * ```
   */
  get(opts?: { block?: boolean | undefined; timeout?: number | null | undefined }): Promise<T> {
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    const hub = getHub()
    if (this.state !== UNSET) {
      if (this.roundDone()) {
        return this.state === VALUE
          ? Promise.resolve(this._value as T)
          : Promise.reject(this._exception)
      }
      return this.queueBehindRound<T>(GET)
    }
    if (opts?.block === false) return Promise.reject(new Timeout(0))
    return hub.wait<T>(GET_OWNER, this.waiters, seconds, 'AsyncResult.get', GET)
  }

  /**
   * The value if it is ready, without waiting.
   * @throws Timeout when it is not ready; the stored exception when it failed.
   */
  getNowait(): T {
    if (this.state === VALUE) return this._value as T
    if (this.state === ERROR) throw this._exception
    throw new Timeout(0)
  }

  /**
   * Waits until it is ready and resolves its value: `undefined` when it holds an
   * exception or when `timeout` seconds pass first. It never rejects with the stored
   * exception; a kill or Timeout aimed at your greenlet rejects it with that exception.
   *
   * @throws TypeError/RangeError (synchronously) for a bad `timeout`.
   * @example
   * ```ts
   * import { AsyncResult } from '@strand/event'
   *
   * const r = new AsyncResult<string>()
   * r.setException(new Error('boom'))
   * await r.wait() // => undefined
   * ```
   */
  wait(opts?: { timeout?: number | null | undefined }): Promise<T | undefined> {
    checkOptions('opts', opts)
    const seconds = checkSeconds('timeout', opts?.timeout)
    if (this.state !== UNSET) {
      if (this.roundDone()) return Promise.resolve(this._value)
      return this.queueBehindRound<T | undefined>(0)
    }
    return getHub().wait<T | undefined>(WAIT_OWNER, this.waiters, seconds, 'AsyncResult.wait')
  }

  /**
   * A Node-style callback `(err, value) => void` that settles this result: a non-null
   * `err` calls {@link AsyncResult.setException}, otherwise {@link AsyncResult.set}.
   * @example
   * ```ts
   * import { AsyncResult } from '@strand/event'
   * import { readFile } from 'node:fs'
   *
   * const r = new AsyncResult<Buffer>()
   * readFile('package.json', r.callback())
   * const data = await r.get()
   * ```
   */
  callback(): (err: unknown, value?: T) => void {
    return (err, value) => {
      if (err !== null && err !== undefined) this.setException(err)
      else this.set(value as T)
    }
  }

  /**
   * Copies the outcome of a finished greenlet (gevent's `AsyncResult()(greenlet)`):
   * `g.link((g) => result.settleFrom(g))`. An unsuccessful source stores its exception.
   */
  settleFrom(source: Outcome<T>): void {
    if (source.successful()) this.set(source.value as T)
    else this.setException(source.exception)
  }

  /**
   * Calls `callback(this)` once from the hub when it becomes ready (soon, if it is
   * already). The callback must not wait.
   * @throws TypeError when `callback` is not a function.
   */
  rawlink(callback: (w: Waitable) => void): void {
    ;(this.links ??= new Links(this, true)).add(callback)
  }

  /** Removes a callback added by {@link AsyncResult.rawlink}; unknown ones are ignored. */
  unlink(callback: (w: Waitable) => void): void {
    this.links?.remove(callback)
  }

  toString(): string {
    const s = this.state === UNSET ? 'unset' : this.state === VALUE ? 'value' : 'exception'
    return `<AsyncResult ${s}, ${this.waiters.size} waiter(s)>`
  }

  /** `AsyncResult(value 42)`, `AsyncResult(failed with TypeError)`, `AsyncResult(unset, 1 waiter waiting)`. */
  [inspect.custom](): string {
    if (this.state === VALUE) return `AsyncResult(value ${inspect(this._value, { depth: 0 })})`
    if (this.state === ERROR) {
      const e = this._exception
      return `AsyncResult(failed with ${e instanceof Error ? e.name : typeof e})`
    }
    return `AsyncResult(unset, ${waitingCount(this.waiters.size)})`
  }

  private notify(): void {
    const waiters = this.waiters
    if (waiters.size > 0) {
      const hub = getHub()
      const failed = this.state === ERROR
      for (let w = waiters.shift(); w !== null; w = waiters.shift()) {
        const claimed =
          w.data !== GET
            ? hub.wake(w, this._value)
            : failed
              ? hub.fail(w, this._exception)
              : hub.wake(w, this._value)
        if (claimed) this.lastWoken = w
      }
    }
    this.links?.schedule()
  }

  /** True unless a wake-up round from set() is still queued on the hub. */
  private roundDone(): boolean {
    const last = this.lastWoken
    return last === null || last.state === SETTLED
  }

  /** A reader arriving while waiters are still being woken runs after them (gevent#1520). */
  private queueBehindRound<R>(kind: number): Promise<R> {
    const failed = kind === GET && this.state === ERROR
    const label = kind === GET ? 'AsyncResult.get' : 'AsyncResult.wait'
    return getHub().later<R>(label, failed ? this._exception : this._value, failed)
  }
}

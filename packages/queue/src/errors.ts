import { StrandError } from '@strand/core'

function after(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return ''
  return ` after ${seconds === 1 ? '1 second' : `${seconds} seconds`}`
}

/**
 * Raised by `get()`/`peek()` when no item arrives in time: at once with `block: false`
 * or `getNowait()`, or when `timeout` passes. The stdlib's `queue.Empty`.
 *
 * @example
 * ```ts
 * import { Empty, Queue } from '@strand/queue'
 *
 * try {
 *   await new Queue().get({ timeout: 0.01 })
 * } catch (err) {
 *   err instanceof Empty // => true
 *   console.log((err as Empty).message)
 *   // => Queue.get() found the queue empty after 0.01 seconds; wait longer, or put() an item first
 * }
 * ```
 */
export class Empty extends StrandError {
  /** The timeout that expired, or null for a non-blocking call. */
  readonly seconds: number | null

  /** @param operation what failed, e.g. `Queue.get`. */
  constructor(operation = 'Queue.get', seconds: number | null = null) {
    super(
      'ERR_QUEUE_EMPTY',
      seconds !== null
        ? `${operation}() found the queue empty${after(seconds)}; wait longer, or put() an item first`
        : operation.endsWith('Nowait')
          ? `${operation}() found the queue empty; use ${operation.slice(operation.lastIndexOf('.') + 1).replace('Nowait', '')}() to wait for an item, or check empty() first`
          : `${operation}() found the queue empty; call it without \`block: false\` to wait for an item, or check empty() first`,
    )
    this.seconds = seconds
  }
}

/**
 * Raised by `put()` when the queue stays full: at once with `block: false` or
 * `putNowait()`, or when `timeout` passes. A {@link Channel} is always "full" unless a
 * getter is waiting. The stdlib's `queue.Full`.
 *
 * @example
 * ```ts
 * import { Full, Queue } from '@strand/queue'
 *
 * const q = new Queue({ maxsize: 1 })
 * q.putNowait('a')
 * try {
 *   q.putNowait('b')
 * } catch (err) {
 *   err instanceof Full // => true
 * }
 * ```
 */
export class Full extends StrandError {
  /** The timeout that expired, or null for a non-blocking call. */
  readonly seconds: number | null

  /**
   * @param operation what failed, e.g. `Queue.put` or `Channel.putNowait`.
   * @param seconds the timeout that expired, or null for a call that does not wait.
   */
  constructor(operation = 'Queue.put', seconds: number | null = null) {
    super('ERR_QUEUE_FULL', fullMessage(operation, seconds))
    this.seconds = seconds
  }
}

function fullMessage(operation: string, seconds: number | null): string {
  const channel = operation.startsWith('Channel.')
  const what = channel
    ? 'no getter waiting'
    : seconds === null
      ? 'the queue full'
      : 'the queue still full'
  const room = channel ? 'a getter' : 'room'
  if (seconds !== null) {
    const more = channel
      ? 'wait longer or add getters'
      : 'wait longer, add consumers, or use a larger maxsize'
    return `${operation}() found ${what}${after(seconds)}; ${more}`
  }
  const instead = operation.endsWith('.putNowait')
    ? `use put() to wait for ${room}`
    : `call it without \`block: false\` to wait for ${room}`
  return `${operation}() found ${what}; ${instead}${channel ? '' : ', or use a larger maxsize'}`
}

/**
 * Raised by `put()` on a queue that was {@link Queue.shutdown | shut down}, by `get()`
 * once a shut-down queue is drained (at once after `shutdown({ immediate: true })`),
 * and into every greenlet blocked on the queue when it shuts down. asyncio's
 * `QueueShutDown`; `for await` over a queue ends on it quietly.
 *
 * @example
 * ```ts
 * import { Queue, ShutDown } from '@strand/queue'
 *
 * const q = new Queue()
 * q.shutdown()
 * try {
 *   q.putNowait(1)
 * } catch (err) {
 *   err instanceof ShutDown // => true
 * }
 * ```
 */
export class ShutDown extends StrandError {
  /** @param operation what failed, e.g. `Queue.put`. */
  constructor(operation = 'Queue') {
    super(
      'ERR_QUEUE_SHUT_DOWN',
      `${operation}() failed: the queue was shut down; no more items can be put, and get() only drains what is left`,
    )
  }
}

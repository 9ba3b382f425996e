import { spawn, Timeout } from 'strand'
import type { AttemptContext } from './attempt-context.js'

/**
 * The outcome of one attempt: `ok` with the value, `error` with what the body threw, or
 * `timeout`.
 */
export type AttemptOutcome =
  | { kind: 'ok'; value: unknown }
  | { kind: 'error'; error: unknown }
  | { kind: 'timeout' }

/** Why an attempt's signal was aborted. */
export class AttemptStopped extends Error {
  override readonly name = 'AttemptStopped'
}

/**
 * Runs `body(context)` once in its own greenlet while the calling greenlet waits for it
 * under a `Timeout` of `seconds` (null: none). The caller's wait is a Strand wait, so the
 * Timeout, or a kill of the caller, interrupts it even when the body awaits a plain promise.
 * Then the attempt is stopped for real: `context.signal` is aborted (a command kills its
 * child there), the body's greenlet is killed (its Strand waits end at once), and the caller
 * waits up to `grace` seconds for it to finish. A body that awaits a promise with no signal
 * cannot be stopped; it is left behind after `grace`.
 *
 * @throws whatever kill or Timeout of the CALLER interrupted the wait (after stopping the
 *   body): the run is being stopped. The body's own errors are returned, not thrown.
 * @example
 * // inside the runner (internal, not exported)
 * await runAttempt(() => sleep(10), context, 0.1) // => { kind: 'timeout' }, after ~0.1 s
 */
export async function runAttempt(
  body: (context: AttemptContext) => unknown,
  context: AttemptContext & { controller: AbortController },
  seconds: number | null,
  grace = 2,
): Promise<AttemptOutcome> {
  const worker = spawn(body, context)
  const timer = seconds === null ? null : Timeout.startNew(seconds)
  try {
    return { kind: 'ok', value: await worker.get() }
  } catch (err) {
    if (err === timer) return { kind: 'timeout' }
    if (worker.dead && err === worker.exception) return { kind: 'error', error: err }
    throw err
  } finally {
    timer?.cancel()
    if (!worker.dead) {
      context.controller.abort(new AttemptStopped('the attempt was stopped'))
      void worker.kill()
      await worker.join({ timeout: grace })
    }
  }
}

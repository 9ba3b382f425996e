import { isGreenletExit } from '../errors.js'
import type { Greenlet } from '../greenlet.js'
import { currentGreenlet } from './context.js'

/**
 * Runs a greenlet's function. Called by the hub with `g` as the async context; the settle
 * handlers find their greenlet through the async context, so starting a greenlet
 * allocates no closure and no extra async frame.
 */
export function runGreenletBody(g: Greenlet): void {
  const inner = g as unknown as { _fn: Function; _args: unknown[] }
  let result: unknown
  try {
    result = inner._fn.apply(undefined, inner._args)
  } catch (err) {
    settleFailure(g, err)
    return
  }
  if (result instanceof Promise) result.then(onBodyValue, onBodyError)
  else if (result !== null && typeof (result as PromiseLike<unknown>)?.then === 'function') {
    Promise.resolve(result).then(onBodyValue, onBodyError)
  } else g._die(result, false)
}

function onBodyValue(value: unknown): void {
  ;(currentGreenlet() as Greenlet)._die(value, false)
}

function onBodyError(err: unknown): void {
  settleFailure(currentGreenlet() as Greenlet, err)
}

function settleFailure(g: Greenlet, err: unknown): void {
  if (isGreenletExit(err)) g._die(err, false)
  else g._die(err, true)
}

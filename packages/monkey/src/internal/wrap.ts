import { awaitForeign, type ForeignHooks, raisePending } from './foreign.js'
import { combine, type SignalLink } from './link-signals.js'
import { readOptions, withSignal } from './options.js'
import { callOwner, signalOf } from './owner.js'

type AnyFn = (this: unknown, ...args: unknown[]) => unknown
type PromiseFn = (this: unknown, ...args: unknown[]) => Promise<unknown>

/**
 * A promise-returning Node function that takes `{ signal }` at `args[index]`
 * (`readFile(path, options)`, `events.once(emitter, name, options)`): inside a greenlet
 * it gets the greenlet's signal (combined with the caller's) and is awaited as a
 * cooperative wait; otherwise it is the original, untouched.
 */
export function withGreenletSignal(
  original: PromiseFn,
  index: number,
  label: string,
  encoding = false,
): PromiseFn {
  return function patched(this: unknown, ...args: unknown[]): Promise<unknown> {
    const g = callOwner()
    if (g === null) return Reflect.apply(original, this, args)
    const read = readOptions(args[index], encoding)
    if (read === null) return Reflect.apply(original, this, args)
    const own = signalOf(g)
    if (own.aborted) return raisePending(label)
    const { signal, link } = combine(read.caller, own)
    args[index] = withSignal(read.base, signal)
    const p = Reflect.apply(original, this, args) as Promise<unknown>
    if (link !== null) p.then(link.unlink, link.unlink)
    return awaitForeign(p, label)
  }
}

/**
 * A promise-returning Node function that takes no signal (`stat`, `mkdir`, `lookup`):
 * inside a greenlet, kill and Timeout release the greenlet at once while the operation
 * finishes in the background (`hooks` can stop it or close what it produced late).
 */
export function cooperative(
  original: PromiseFn,
  label: string,
  hooksFor?: () => ForeignHooks<unknown>,
): PromiseFn {
  return function patched(this: unknown, ...args: unknown[]): Promise<unknown> {
    const g = callOwner()
    if (g === null) return Reflect.apply(original, this, args)
    if (signalOf(g).aborted) return raisePending(label)
    const p = Reflect.apply(original, this, args) as Promise<unknown>
    return awaitForeign(p, label, hooksFor?.())
  }
}

/**
 * Makes each `next()` of a Node async iterator (`events.on`, timers `setInterval`,
 * `fs.watch`) a cooperative wait, and lets go of `link` once the iteration ends.
 */
export function cooperativeIterator<I extends AsyncIterator<unknown>>(
  it: I,
  label: string,
  link: SignalLink | null,
): I {
  const next = it.next as AnyFn
  const end = link === null ? null : link.unlink
  Object.defineProperty(it, 'next', {
    value: function next_(this: unknown, ...args: unknown[]): Promise<unknown> {
      const p = Reflect.apply(next, this, args) as Promise<IteratorResult<unknown>>
      if (end !== null) p.then((r) => r.done === true && end(), end)
      return callOwner() === null ? p : awaitForeign(p, label)
    },
    writable: true,
    configurable: true,
  })
  if (end !== null && typeof it.return === 'function') {
    const ret = it.return as AnyFn
    Object.defineProperty(it, 'return', {
      value: function return_(this: unknown, ...args: unknown[]): unknown {
        end()
        return Reflect.apply(ret, this, args)
      },
      writable: true,
      configurable: true,
    })
  }
  return it
}

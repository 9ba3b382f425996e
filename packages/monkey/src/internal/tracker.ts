import timers from 'node:timers'
import { type Greenlet, getHub } from '@strand/core'
import { type DeathObserver, observeDeath } from '@strand/core/internal'

/** How a tracked resource is released. */
export const DESTROY = 1 // sockets, streams: destroy()
export const CLOSE = 2 // FileHandle, Dir: close()
export const CLEAR_TIMER = 3 // setTimeout / setInterval: clearTimeout()

/** The owner of a tracked object, stored on the object itself. */
export const OWNED = Symbol('strand.monkey.owned')

type Owned = Record<typeof OWNED, Resources | undefined>

// as at load: a patched clearTimeout would only untrack first
const nodeClearTimeout = timers.clearTimeout

/**
 * What one greenlet opened and has not closed yet. When the greenlet dies after being
 * killed, the rest is released; when it merely ends, it is let go (what it started may
 * outlive it: a timer it set for later, a socket it handed on).
 */
class Resources implements DeathObserver {
  readonly items = new Map<object, number>()

  notify(g: Greenlet): void {
    owners.delete(g)
    const items = [...this.items]
    this.items.clear()
    for (const [obj] of items) (obj as Owned)[OWNED] = undefined
    if (!g.signal.aborted) return // not killed: leave what it started alone
    for (const [obj, kind] of items) release(obj, kind, g)
  }
}

const owners = new WeakMap<Greenlet, Resources>()

/** Records that `g` opened `obj`, to be released as `kind` if `g` is killed. */
export function track(g: Greenlet, obj: object, kind: number): void {
  let r = owners.get(g)
  if (r === undefined) {
    r = new Resources()
    owners.set(g, r)
    observeDeath(g, r)
  }
  r.items.set(obj, kind)
  ;(obj as Owned)[OWNED] = r
}

/** `obj` closed by itself, or was cleared by its owner: no longer tracked. */
export function untrack(obj: object): void {
  const r = (obj as Owned)[OWNED]
  if (r !== undefined) {
    r.items.delete(obj)
    ;(obj as Owned)[OWNED] = undefined
  }
}

/** An event listener that untracks the emitter it is called on (one function for all). */
export function untrackThis(this: object): void {
  untrack(this)
}

function release(obj: object, kind: number, g: Greenlet): void {
  try {
    if (kind === CLEAR_TIMER) {
      // an unref'd timer keeps nothing alive: libraries keep their shared housekeeping
      // timers that way (undici's clock), and clearing one would break them for everyone
      const t = obj as NodeJS.Timeout
      if (t.hasRef()) nodeClearTimeout(t) // clears intervals too
    } else if (kind === DESTROY) {
      ;(obj as { destroy(): void }).destroy()
    } else {
      const closing = (obj as { close(): Promise<void> }).close()
      closing.catch(() => {}) // closed meanwhile: nothing left to release
    }
  } catch (err) {
    getHub().handleError(err, g)
  }
}

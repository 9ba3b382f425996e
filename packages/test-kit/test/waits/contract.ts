import { Event } from '@strand/event'
import { expect } from 'vitest'

/**
 * One blocked situation of a primitive, made fresh for each case: how to block on it,
 * how to wake it, and how to tell afterwards that nothing was lost or granted twice.
 */
export interface Blocked {
  /** What `getHub().runInfo()` shows a greenlet parked in this wait on (its start). */
  readonly label: string
  /** Blocks the calling greenlet; `timeout` is passed only to a wait that takes one. */
  wait(timeout?: number): Promise<unknown>
  /**
   * Grants the wait synchronously: one waiter (a put, a release, a freed slot), or every
   * waiter (a broadcast such as `Event.set`). With nobody waiting, what it grants stays
   * in the primitive. Missing when only time ends the wait (`sleep`).
   */
  wake?(): void
  /** How many greenlets wait in it now, where the primitive tells. */
  waiting?(): number
  /** True if `value` is what a granted wait resolves to. */
  granted(value: unknown): boolean
  /** A waiter that was granted `value` hands it back (releases a permit), in its own greenlet. */
  giveBack?(value: unknown): void
  /**
   * Called once every waiter is gone and `wake()` ran exactly once: the primitive holds
   * what it should. `kept` is how many waiters were granted (and gave back).
   */
  check(kept: number): void | Promise<void>
  /** Ends what the setup holds (members, holders). */
  close?(): void | Promise<void>
  /**
   * Calls `kill` in the same turn as the wake: just before it (`killFirst`) or just after
   * it. Only needed where the wake is not one synchronous call (an imap task's end).
   */
  wakeAndKill?(kill: () => void, killFirst: boolean): void
}

/** A blocking wait of a Strand primitive, as the contract suite drives it. */
export interface BlockingWait {
  readonly name: string
  make(): Blocked
  /** What the wait's own timeout does, as the primitive documents; missing: it has none. */
  readonly ownTimeout?:
    | { readonly resolves: unknown }
    | { readonly rejects: abstract new (...args: never[]) => unknown }
  /** Only time ends it (`sleep`): no wake, so no cases that wake it. */
  readonly onlyTime?: boolean
  /** A wake serves every waiter, not only the first. */
  readonly broadcast?: boolean
  /** Only one waiter at a time makes sense (an imap's consumer): no second waiter. */
  readonly single?: boolean
  /** A second wake while one waiter holds the only unit and another waits must throw this. */
  readonly overGrant?: abstract new (
    ...args: never[]
  ) => unknown
}

/** Blocks until killed: how a granted waiter holds what it got. */
export function forever(): Promise<boolean> {
  return new Event().wait()
}

/** Kills and wakes in the same turn, in the order asked. */
export function wakeAndKill(b: Blocked, kill: () => void, killFirst: boolean): void {
  if (b.wakeAndKill !== undefined) {
    b.wakeAndKill(kill, killFirst)
    return
  }
  if (killFirst) kill()
  b.wake?.()
  if (!killFirst) kill()
}

/** Drains a queue-like object with its `getNowait()` until it throws `Empty`. */
export function drain<T>(
  q: { getNowait(): T },
  empty: abstract new (...args: never[]) => unknown,
): T[] {
  const out: T[] = []
  for (;;) {
    try {
      out.push(q.getNowait())
    } catch (err) {
      expect(err).toBeInstanceOf(empty)
      return out
    }
  }
}

/** The waiter count in a primitive's `toString()` ("…, 2 waiter(s)>"). */
export function waitersShown(primitive: object): number {
  const m = /(\d+) waiter\(s\)/.exec(String(primitive))
  if (m === null) throw new Error(`no waiter count in ${String(primitive)}`)
  return Number(m[1])
}

/** Sorts numbers ascending, for comparing multisets of items. */
export function sorted(items: readonly number[]): number[] {
  return [...items].sort((a, b) => a - b)
}

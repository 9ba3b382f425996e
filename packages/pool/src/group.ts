import { Greenlet } from '@strand/core'
import { checkFunction, describe } from '@strand/core/internal'
import { BaseGroup } from './base-group.js'
import { checkGreenlet } from './internal/checks.js'
import { Members } from './internal/members.js'
import { runScope } from './internal/scope.js'
import { UNLIMITED } from './internal/unlimited-slots.js'

/**
 * A set of greenlets with no size limit, that forgets each one as it dies (gevent's
 * `Group`). Spawn into it, then `join()` them all, `kill()` them all, or map over items
 * with `map`/`imap`/`imapUnordered`. Use {@link Pool} to bound how many run at once.
 *
 * @example
 * ```ts
 * import { Group } from '@strand/pool'
 * import { sleep } from '@strand/core'
 *
 * const group = new Group()
 * group.spawn(() => sleep(0.02))
 * group.spawn(() => sleep(0.01))
 * group.size // => 2
 * await group.join() // => true
 * group.size // => 0
 * ```
 */
export class Group extends BaseGroup {
  readonly #members: Members

  /**
   * @param greenlets members to start with (they are added, not started).
   * @throws TypeError if `greenlets` is not an iterable of greenlets.
   */
  constructor(greenlets?: Iterable<Greenlet>) {
    const members = new Members(UNLIMITED, new.target.name)
    super(members)
    this.#members = members
    if (greenlets === undefined) return
    if (greenlets === null || typeof greenlets[Symbol.iterator] !== 'function') {
      throw new TypeError(
        `Expected \`greenlets\` to be an iterable of greenlets, got ${describe(greenlets)}`,
      )
    }
    for (const g of greenlets) this.add(g)
  }

  /**
   * Runs `fn` in a group with asyncio TaskGroup semantics: spawn children into the group
   * you get; the scope waits for all of them. If a child fails, the others are killed,
   * the body is interrupted at its next wait, and the error is thrown (an AggregateError
   * when several fail). If the body throws, the children are killed too. A kill or
   * Timeout aimed at you kills the children before it propagates.
   *
   * @throws TypeError if `body` is not a function.
   * @example
   * ```ts
   * import { Group } from '@strand/pool'
   * import { sleep } from '@strand/core'
   *
   * const total = await Group.scope(async (group) => {
   *   const a = group.spawn(async () => { await sleep(0.01); return 1 })
   *   const b = group.spawn(async () => 2)
   *   return (await a.get()) + (await b.get())
   * }) // => 3
   * ```
   */
  static scope<R>(body: (group: Group) => R | PromiseLike<R>): Promise<Awaited<R>> {
    checkFunction('body', body)
    const group = new Group()
    return runScope(group, group.#members, body)
  }

  /**
   * Starts `fn(...args)` in a new member greenlet and returns it. Never waits.
   * @throws TypeError if `fn` is not a function.
   * @example
   * ```ts
   * import { Group } from '@strand/pool'
   *
   * const g = new Group().spawn((x: number) => x * 2, 21)
   * await g.get() // => 42
   * ```
   */
  spawn<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Greenlet<Awaited<R>> {
    const g = new Greenlet<Awaited<R>>(fn as never, ...args)
    this.#members.fill(g) // a Group's slot policy never limits: no slot to take
    return g
  }

  /**
   * Tracks an existing greenlet (started or not). A member already, or dead: nothing happens.
   * @throws TypeError for a non-greenlet.
   */
  add(greenlet: Greenlet): void {
    checkGreenlet('greenlet', greenlet)
    const members = this.#members
    if (!greenlet.dead && !members.set.has(greenlet)) members.track(greenlet)
  }

  /**
   * Adds `greenlet` and starts it (gevent's `Group.start`).
   * @throws TypeError for a non-greenlet.
   */
  start(greenlet: Greenlet): void {
    this.add(greenlet)
    greenlet.start()
  }
}
